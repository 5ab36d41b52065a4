using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NingxiaTrade.Domain.Common;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence and an ISO 7064 MOD 11-2
/// check character (0–9 or X). Each refusal names the rule that failed, in Chinese.
/// </summary>
public readonly record struct IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private readonly string? _value;

    private IdNumber(string value) => _value = value;

    public string Value => _value ?? "";

    public DateOnly BirthDate => DateOnly.ParseExact(Value.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public override string ToString() => Value;

    /// <summary>A value read back from the database, where only checked values were written.</summary>
    internal static IdNumber FromStorage(string value) => new(value);

    /// <summary>"640104********1234": enough to tell people apart on screen, not enough to use the number.</summary>
    public string Masked => Value.Length == 18 ? Value[..6] + new string('*', 8) + Value[14..] : Value;

    public static IdNumber Parse(string? text) =>
        TryParse(text, out var id, out var error) ? id : throw new DomainException(error);

    public static bool TryParse(string? text, out IdNumber id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        var value = text?.Trim().ToUpperInvariant();
        error = Check(value);
        if (error is not null)
        {
            return false;
        }
        id = new IdNumber(value!);
        return true;
    }

    public static string? Validate(string? text) => Check(text?.Trim().ToUpperInvariant());

    private static string? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "身份证号码不能为空。";
        }
        if (text.Length != 18)
        {
            return $"身份证号码应为18位，“{text}”为{text.Length}位。";
        }
        if (!text.AsSpan(0, 17).ToString().All(char.IsAsciiDigit) || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            return $"身份证号码“{text}”格式错误：前17位应为数字，第18位为数字或X。";
        }
        if (!DateOnly.TryParseExact(text.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return $"身份证号码“{text}”中的出生日期“{text.Substring(6, 8)}”无效。";
        }
        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
        {
            return $"身份证号码“{text}”校验码错误：第18位应为“{expected}”。";
        }
        return null;
    }

    /// <summary>ISO 7064 MOD 11-2 over the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        var check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>A valid number for demo and test data.</summary>
    public static IdNumber Generate(string addressCode, DateOnly birthDate, int sequence)
    {
        var first17 = addressCode + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (sequence % 1000).ToString("000", CultureInfo.InvariantCulture);
        return Parse(first17 + CheckCharacter(first17));
    }
}
