using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NingxiaTrade.Domain.Audit;

/// <summary>
/// Marks a domain property whose value must never reach the audit log (keys, key material, hashes of
/// credentials). The log records only that such a value was set or changed.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SecretAttribute : Attribute;

/// <summary>
/// The rule the audit log masks by: a property is secret when the EF model says so. Domain properties say it with
/// <see cref="SecretAttribute"/>; framework types (Identity, data protection) with <see cref="IsSecret{T}"/> in
/// their configuration. A test walks the model and fails on any property that looks secret-bearing but is
/// neither marked nor declared harmless.
/// </summary>
public static class SecretModel
{
    public const string Annotation = "NingxiaTrade:Secret";

    /// <summary>What the log shows instead of a secret value.</summary>
    public const string Mask = "******";

    /// <summary>Marks a property of a type we cannot put an attribute on.</summary>
    public static PropertyBuilder<T> IsSecret<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    public static bool IsSecret(this IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;

    /// <summary>Turns every <see cref="SecretAttribute"/> of the mapped CLR properties into the model annotation.</summary>
    public static void ApplySecretAttributes(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                if (property.PropertyInfo?.GetCustomAttribute<SecretAttribute>(inherit: true) is not null)
                {
                    property.SetAnnotation(Annotation, true);
                }
            }
        }
    }
}

/// <summary>
/// Columns Identity rewrites at every sign-in (last sign-in time, failed-attempt counter, concurrency stamp). A change
/// of only these is not an entity change: the attempt is recorded as a <see cref="Accounts.SignInEvent"/>.
/// </summary>
public static class SignInBookkeeping
{
    public const string Annotation = "NingxiaTrade:SignInBookkeeping";

    public static PropertyBuilder<T> IsSignInBookkeeping<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    public static bool IsSignInBookkeeping(this IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;
}
