using System.Text.RegularExpressions;
using FluentValidation;
using TodoClean.Application.Common.Validation;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Common;

/// <summary>
/// Field rules shared by the auth validators. Error codes are Better Auth's. Built from validators whose limits can be
/// read back (<c>IValidator.CreateDescriptor()</c>), so the API description states the same limits.
/// </summary>
internal static partial class CredentialRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    /// <summary>Present (a string was sent at all): Better Auth's schema check, code VALIDATION_ERROR.</summary>
    public static IRuleBuilderOptions<T, string?> Present<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.NotNull().WithMessage($"{label} is required.");

    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilder<T, string?> rule) => rule
        .SetValidator(new EmailAddressValidator<T>(User.MaxEmailLength, EmailPattern()))
        .WithMessage("Enter a valid email address, like name@example.com.");

    /// <summary>Length limits, checked before any hashing so an oversized password costs nothing.</summary>
    public static void PasswordLength<T>(this IRuleBuilder<T, string?> rule, string label)
    {
        rule.MinimumLength(MinPasswordLength)
            .WithErrorCode(AuthErrors.PasswordTooShortCode)
            .WithMessage($"{label} is too short: use at least {MinPasswordLength} characters.");
        rule.MaximumLength(MaxPasswordLength)
            .WithErrorCode(AuthErrors.PasswordTooLongCode)
            .WithMessage($"{label} is too long: use at most {MaxPasswordLength} characters.");
    }

    /// <summary>
    /// The address rule Better Auth applies (zod's <c>z.email()</c>): dot-separated atoms of letters, digits and
    /// <c>_'+-</c> before the <c>@</c>, then DNS labels and a top-level domain of at least two letters. No quotes, no
    /// angle brackets, no IP literals.
    /// <para>
    /// Matched by the non-backtracking engine: its time is linear in the input (at most ~35 µs for the longest address
    /// allowed, against ~160 µs for the backtracking one), so untrusted input cannot make it slow and it needs no match
    /// timeout. A timeout measures wall-clock time, so on a busy machine a preempted thread would fail a valid sign-up
    /// with a server error.
    /// </para>
    /// </summary>
    [GeneratedRegex(
        @"^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    internal static partial Regex EmailPattern();
}
