using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.Benchmarks;

/// <summary>
/// A page of 20 todos written as <c>GET /api/todos</c> writes it, into a reused buffer: with the hosts' JSON options
/// (source-generated metadata, the hand-written <see cref="UtcDateTimeJsonConverter"/>); the same resolving by reflection
/// only; the same with times written through a format string (the library's way to get the wire's fixed millisecond
/// format); and as the reference host writes it (reflection, a format string into a new string per time).
/// All four write the same bytes (checked in setup).
/// </summary>
public class JsonBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private JsonSerializerOptions _production = null!;
    private JsonSerializerOptions _reflectionOnly = null!;
    private JsonSerializerOptions _formatString = null!;
    private JsonSerializerOptions _referenceHost = null!;
    private PaginatedList<TodoItemDto> _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        _production = HostOptions();
        _reflectionOnly = HostOptions();
        _reflectionOnly.TypeInfoResolverChain.Remove(ApiJsonContext.Default);
        _formatString = HostOptions();
        _formatString.Converters.Remove(_formatString.Converters.OfType<UtcDateTimeJsonConverter>().Single());
        _formatString.Converters.Add(new FormatStringDateTimeConverter());
        _referenceHost = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        _referenceHost.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        _referenceHost.Converters.Add(new ToStringDateTimeConverter());

        var now = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);
        var items = Enumerable.Range(0, 20).Select(i => new TodoItemDto(
            Guid.CreateVersion7(now.AddMinutes(i)), $"Todo number {i} for the benchmark",
            i % 2 == 0 ? $"A description of todo {i}, long enough to look like what people write." : null,
            i % 4 == 0, (TodoPriority)(i % 3), i % 3 == 0 ? now.AddDays(3) : null, now.AddMinutes(i), now.AddMinutes(i),
            i % 4 == 0 ? now.AddMinutes(i + 1) : null, "1")).ToList();
        _page = new PaginatedList<TodoItemDto>(items, 1, 20, 20);

        Production();
        var expected = _buffer.WrittenSpan.ToArray();
        foreach (var write in new Func<int>[] { Reflection, FormatStringTimes, ReferenceHost })
        {
            write();
            if (!_buffer.WrittenSpan.SequenceEqual(expected))
            {
                throw new InvalidOperationException("The JSON variants do not write the same bytes.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int Production() => Write(_production);

    [Benchmark]
    public int Reflection() => Write(_reflectionOnly);

    [Benchmark]
    public int FormatStringTimes() => Write(_formatString);

    [Benchmark]
    public int ReferenceHost() => Write(_referenceHost);

    private static JsonSerializerOptions HostOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HostDefaults.ConfigureJson(options);
        return options;
    }

    private int Write(JsonSerializerOptions options)
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _page, options);
        return _buffer.WrittenCount;
    }

    /// <summary>The wire's format through the library's formatting, straight into UTF-8 (no string).</summary>
    private sealed class FormatStringDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        {
            Span<byte> text = stackalloc byte[24];
            value.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            writer.WriteStringValue(text[..written]);
        }
    }

    /// <summary>The reference host's converter.</summary>
    private sealed class ToStringDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
