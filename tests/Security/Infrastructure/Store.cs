using Microsoft.Data.Sqlite;

namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>Reads a host's SQLite store from outside, as an attacker with a copy of the database file would.</summary>
public static class Store
{
    /// <summary>Every value of every column of every table, as text (blobs as UTF-8, Base64 and hex).</summary>
    public static List<(string Table, string Column, string Value)> AllValues(string databasePath)
    {
        using var connection = Open(databasePath);
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var values = new List<(string, string, string)>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        continue;
                    }

                    var value = reader.GetValue(i);
                    if (value is byte[] bytes)
                    {
                        values.Add((table, reader.GetName(i), System.Text.Encoding.UTF8.GetString(bytes)));
                        values.Add((table, reader.GetName(i), Convert.ToBase64String(bytes)));
                        values.Add((table, reader.GetName(i), Convert.ToHexString(bytes)));
                    }
                    else
                    {
                        values.Add((table, reader.GetName(i), Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                    }
                }
            }
        }

        return values;
    }

    /// <summary>The single value of <paramref name="sql"/> (parameters as <c>$p0</c>, <c>$p1</c>, …).</summary>
    public static object? Scalar(string databasePath, string sql, params object[] parameters)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", parameters[i]);
        }

        return command.ExecuteScalar();
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}
