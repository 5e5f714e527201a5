using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.Benchmarks;

/// <summary>
/// A page of 20 todos written as the API writes it (the hosts' JSON options: source-generated metadata first), into a
/// reused buffer; and with the same options resolving by reflection only, as before the source-generated context.
/// </summary>
public class JsonBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private JsonSerializerOptions _options = null!;
    private JsonSerializerOptions _reflectionOnly = null!;
    private PaginatedList<TodoItemDto> _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        _options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HostDefaults.ConfigureJson(_options);
        _reflectionOnly = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HostDefaults.ConfigureJson(_reflectionOnly);
        _reflectionOnly.TypeInfoResolverChain.Remove(ApiJsonContext.Default);
        var now = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
        var items = Enumerable.Range(0, 20).Select(i => new TodoItemDto(
            Guid.CreateVersion7(now.AddMinutes(i)), $"Todo number {i} for the benchmark",
            i % 2 == 0 ? $"A description of todo {i}, long enough to look like what people write." : null,
            i % 4 == 0, (TodoPriority)(i % 3), i % 3 == 0 ? now.AddDays(3) : null, now.AddMinutes(i), now.AddMinutes(i),
            i % 4 == 0 ? now.AddMinutes(i + 1) : null, "1")).ToList();
        _page = new PaginatedList<TodoItemDto>(items, 1, 20, 20);
    }

    [Benchmark(Baseline = true)]
    public int Reflection() => Write(_reflectionOnly);

    [Benchmark]
    public int SourceGenerated() => Write(_options);

    private int Write(JsonSerializerOptions options)
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _page, options);
        return _buffer.WrittenCount;
    }
}
