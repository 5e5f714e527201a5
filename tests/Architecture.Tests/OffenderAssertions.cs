using FluentAssertions.Execution;

namespace TodoClean.Architecture.Tests;

internal static class OffenderAssertions
{
    /// <summary>
    /// Fails naming every offender, one a line. FluentAssertions' <c>BeEmpty</c> shows only the first item, and an
    /// architecture failure should list all the types to fix at once.
    /// </summary>
    public static void ShouldBeNone(this IReadOnlyList<string> offenders, string rule)
    {
        var list = string.Join(Environment.NewLine, offenders.Select(o => "  - " + o));
        Execute.Assertion
            .ForCondition(offenders.Count == 0)
            .FailWith(Escape($"{rule}. Broken by {offenders.Count}:{Environment.NewLine}{list}"));
    }

    private static string Escape(string message) =>
        message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
