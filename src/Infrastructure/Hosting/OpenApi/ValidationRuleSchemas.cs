using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.Configuration;
using Microsoft.OpenApi;
using TodoClean.Application.Common.Validation;

namespace TodoClean.Infrastructure.Hosting.OpenApi;

/// <summary>
/// States a validator's rules in the API description, read from the validator itself
/// (<see cref="IValidator.CreateDescriptor"/>), so the document and the server cannot disagree: not null / not empty →
/// required (and not <c>null</c>); lengths → <c>minLength</c>/<c>maxLength</c>; ranges → <c>minimum</c>/<c>maximum</c>;
/// allowed values → <c>enum</c>; email → <c>format: email</c>. Rules with a condition are left out (they do not always
/// apply), and so are predicates, which cannot be read.
/// </summary>
public static class ValidationRuleSchemas
{
    /// <summary>The rules for a request body's type: its own validator's, or those of its <see cref="ValidatedAsAttribute"/> model.</summary>
    public static void ApplyToBody(OpenApiSchema schema, JsonTypeInfo typeInfo, IServiceProvider services)
    {
        var model = typeInfo.Type.GetCustomAttribute<ValidatedAsAttribute>()?.Model ?? typeInfo.Type;
        if (DescriptorOf(model, services) is not { } descriptor || schema.Properties is not { } properties)
        {
            return;
        }

        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        // A text member without a rule of its own is still bounded by the body limit (413 beyond it).
        var bodyLimit = (int)Math.Min(int.MaxValue, HostDefaults.MaxRequestBodyBytes(
            services.GetService(typeof(IConfiguration)) as IConfiguration ?? new ConfigurationBuilder().Build()));
        foreach (var property in typeInfo.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var propertySchema) || MemberName(property) is not { } member)
            {
                continue;
            }

            // What the validator does not demand may be left out: the binder takes a missing member as null.
            var limits = Limits.Of(descriptor, member);
            if (limits.Required)
            {
                schema.Required.Add(property.Name);
            }
            else
            {
                schema.Required.Remove(property.Name);
            }

            if (propertySchema is OpenApiSchema concrete)
            {
                limits.ApplyTo(concrete);
                if (IsText(property.PropertyType) && concrete is { MaxLength: null, Enum: null })
                {
                    concrete.MaxLength = bodyLimit;
                }
            }
        }
    }

    /// <summary>The rules of <paramref name="model"/>'s validator on the query parameters of the same name.</summary>
    public static void ApplyToParameters(IList<IOpenApiParameter> parameters, Type model, IServiceProvider services)
    {
        if (DescriptorOf(model, services) is not { } descriptor)
        {
            return;
        }

        var members = model.GetProperties().ToDictionary(p => p.Name, p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameters.OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && members.TryGetValue(name, out var member) && parameter.Schema is OpenApiSchema schema)
            {
                var limits = Limits.Of(descriptor, member);
                limits.ApplyTo(schema);
                parameter.Required |= limits.Required;
            }
        }
    }

    /// <summary>Types the JSON options read from a JSON string.</summary>
    private static bool IsText(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(string) || t == typeof(DateTime) || t == typeof(Guid));

    private static IValidatorDescriptor? DescriptorOf(Type model, IServiceProvider services) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(model)) is IValidator validator ? validator.CreateDescriptor() : null;

    private static string? MemberName(JsonPropertyInfo property) => (property.AttributeProvider as MemberInfo)?.Name;

    private sealed class Limits
    {
        public bool Required { get; private set; }

        private int? _minLength;
        private int? _maxLength;
        private string? _pattern;
        private string? _format;
        private IComparable? _minimum;
        private IComparable? _maximum;
        private IReadOnlyList<string>? _values;

        public static Limits Of(IValidatorDescriptor descriptor, string member)
        {
            var limits = new Limits();
            foreach (var component in descriptor.GetRulesForMember(member).SelectMany(r => r.Components))
            {
                if (component.HasCondition || component.HasAsyncCondition)
                {
                    continue;
                }

                limits.Add(component.Validator);
            }

            return limits;
        }

        private void Add(IPropertyValidator validator)
        {
            switch (validator)
            {
                case INotNullValidator:
                    Required = true;
                    break;
                case INotEmptyValidator:
                    // Not null, not "", and (for text) not only white space.
                    Required = true;
                    _minLength = Math.Max(_minLength ?? 0, 1);
                    _pattern ??= @"\S";
                    break;
                case IAllowedValuesValidator allowed:
                    _values = allowed.Values;
                    break;
                case ILengthValidator length:
                    if (length.Min > 0)
                    {
                        _minLength = Math.Max(_minLength ?? 0, length.Min);
                    }

                    if (length.Max > 0)
                    {
                        _maxLength = Math.Min(_maxLength ?? int.MaxValue, length.Max);
                    }

                    if (validator is IEmailValidator)
                    {
                        _format = "email";
                    }

                    break;
                case IEmailValidator:
                    _format = "email";
                    break;
                case IBetweenValidator between when between.From is IComparable from && between.To is IComparable to:
                    _minimum = from;
                    _maximum = to;
                    break;
                case IRegularExpressionValidator regex:
                    _pattern = regex.Expression;
                    break;
            }
        }

        public void ApplyTo(OpenApiSchema schema)
        {
            if (Required && schema.Type is { } type && type != JsonSchemaType.Null)
            {
                schema.Type = type & ~JsonSchemaType.Null;
            }

            if (_values is not null)
            {
                schema.Enum = [.. _values.Select(v => (JsonNode)JsonValue.Create(v))];
            }

            schema.MinLength = _minLength ?? schema.MinLength;
            schema.MaxLength = _maxLength ?? schema.MaxLength;
            schema.Pattern = _pattern ?? schema.Pattern;
            schema.Format = _format ?? schema.Format;
            if (_minimum is not null && _maximum is not null)
            {
                schema.Minimum = Convert.ToString(_minimum, CultureInfo.InvariantCulture);
                schema.Maximum = Convert.ToString(_maximum, CultureInfo.InvariantCulture);
            }
        }
    }
}
