using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Audit;

/// <summary>One changed field as the audit screen shows it: Chinese name, old and new value in readable form.</summary>
public sealed record AuditChangeLine(string Field, string Name, string? Old, string New);

/// <summary>
/// Turns an entry's recorded JSON into lines a person reads: Chinese field names, times in China Standard Time,
/// money in 元 with two decimals, yes/no, secrets as “（保密）”. Types come from the EF model.
/// </summary>
public static class AuditChangeFormatter
{
    public static IReadOnlyList<AuditChangeLine> Lines(AuditEntry entry, IReadOnlyModel model)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(entry.Changes);
        }
        catch (JsonException)
        {
            return [new AuditChangeLine("", "变更内容", null, entry.Changes)];
        }
        using (document)
        {
            var entityType = model.GetEntityTypes().FirstOrDefault(t => t.DisplayName() == entry.EntityType);
            var lines = new List<AuditChangeLine>();
            foreach (var field in document.RootElement.EnumerateObject())
            {
                var property = entityType?.FindProperty(field.Name);
                var type = property?.ClrType;
                if (entry.Action == "Modified" && field.Value.ValueKind == JsonValueKind.Object && field.Value.TryGetProperty("新值", out var newValue))
                {
                    field.Value.TryGetProperty("原值", out var oldValue);
                    lines.Add(new AuditChangeLine(field.Name, AuditDisplayNames.Field(field.Name), Format(oldValue, type), Format(newValue, type)));
                }
                else
                {
                    lines.Add(new AuditChangeLine(field.Name, AuditDisplayNames.Field(field.Name), null, Format(field.Value, type)));
                }
            }
            return lines;
        }
    }

    /// <summary>A recorded JSON value as text for the screen.</summary>
    public static string Format(JsonElement value, Type? clrType)
    {
        var type = clrType is null ? null : Nullable.GetUnderlyingType(clrType) ?? clrType;
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return "（空）";
            case JsonValueKind.True:
                return "是";
            case JsonValueKind.False:
                return "否";
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                if (text == SecretModel.Mask)
                {
                    return "（保密）";
                }
                if ((type == typeof(DateTime) || type == typeof(DateTimeOffset))
                    && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
                {
                    return ChinaTime.Format(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) + "（北京时间）";
                }
                return text;
            case JsonValueKind.Object when type == typeof(Money) && value.TryGetProperty("Fen", out var fen) && fen.TryGetInt64(out var f):
                return new Money(f).ToString();
            case JsonValueKind.Number when type is { IsEnum: true } && value.TryGetInt32(out var number):
                return EnumText(type, number);
            case JsonValueKind.Array:
                return string.Join("、", value.EnumerateArray().Select(v => Format(v, null)));
            case JsonValueKind.Object:
                return string.Join("；", value.EnumerateObject().Select(p => $"{AuditDisplayNames.Field(p.Name)}：{Format(p.Value, null)}"));
            default:
                return value.GetRawText();
        }
    }

    /// <summary>The modules' <c>Chinese(this TEnum)</c> extensions, found once by reflection.</summary>
    private static readonly Dictionary<Type, System.Reflection.MethodInfo> ChineseOf = typeof(AuditChangeFormatter).Assembly.GetTypes()
        .Where(t => t.IsAbstract && t.IsSealed)
        .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        .Where(m => m.Name == "Chinese" && m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType.IsEnum: true }])
        .GroupBy(m => m.GetParameters()[0].ParameterType)
        .ToDictionary(g => g.Key, g => g.First());

    /// <summary>An enum value by its module's Chinese name when it has one, else its name.</summary>
    private static string EnumText(Type type, int number)
    {
        var value = Enum.ToObject(type, number);
        if (ChineseOf.TryGetValue(type, out var chinese))
        {
            return (string)chinese.Invoke(null, [value])!;
        }
        return Enum.GetName(type, number) ?? number.ToString(CultureInfo.InvariantCulture);
    }
}
