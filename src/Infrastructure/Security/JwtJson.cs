using System.Text.Json;

namespace TodoClean.Infrastructure.Security;

/// <summary>Reading one member of a JWT's header or payload without building a document.</summary>
internal static class JwtJson
{
    /// <summary>
    /// Moves <paramref name="reader"/> onto the value of the top-level member <paramref name="name"/>; false when the
    /// JSON is not an object or has no such member. Malformed JSON throws <see cref="JsonException"/>, as the reader does.
    /// </summary>
    public static bool TryFindMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(name);
            reader.Read();
            if (found)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
