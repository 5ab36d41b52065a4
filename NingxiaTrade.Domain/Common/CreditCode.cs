using System.Diagnostics.CodeAnalysis;

namespace NingxiaTrade.Domain.Common;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation category (1),
/// administrative region of the registering authority (6, GB/T 2260), organisation code (9) and a check character.
/// Only a value that passes every rule can exist; each refusal names the rule that failed, in Chinese.
/// </summary>
public readonly record struct CreditCode
{
    /// <summary>The 31 characters of the code, in the order of their values 0–30 (no I, O, S, V, Z).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public const int Length = 18;

    // GB 32100-2015 §5: weight of position i is 3^(i-1) mod 31.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The province-level prefixes of GB/T 2260 (the first two digits of a region code).</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ];

    private readonly string? _value;

    private CreditCode(string value) => _value = value;

    /// <summary>The 18 characters, upper case.</summary>
    public string Value => _value ?? "";

    /// <summary>Positions 3–8: the registering authority's administrative region code (e.g. 640300 吴忠市).</summary>
    public string RegionCode => Value.Substring(2, 6);

    public override string ToString() => Value;

    /// <summary>A value read back from the database, where only checked values were written.</summary>
    internal static CreditCode FromStorage(string value) => new(value);

    /// <summary>Parses a code (blanks anywhere ignored, full-width characters made half-width, letters upper-cased).</summary>
    /// <exception cref="DomainException">The code breaks a rule; the message says which.</exception>
    public static CreditCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new DomainException(error);

    public static bool TryParse(string? text, out CreditCode code) => TryParse(text, out code, out _);

    /// <summary>Checks, in order: present, length, alphabet, region code, check character.</summary>
    public static bool TryParse(string? text, out CreditCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var normalised = Normalise(text);
        error = Check(normalised);
        if (error is not null)
        {
            return false;
        }
        code = new CreditCode(normalised);
        return true;
    }

    /// <summary>The reason <paramref name="text"/> is not a valid code, or null when it is.</summary>
    public static string? Validate(string? text) => Check(Normalise(text));

    /// <summary>
    /// The code as typed or pasted, made comparable: every blank removed (spaces between groups, full-width spaces,
    /// tabs, line breaks from a copied table cell), full-width letters and digits made half-width, letters upper-cased.
    /// Screens normalise before any length limit, so a pasted "91640100 MA76 …" keeps all 18 characters.
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                continue;
            }
            // Full-width ASCII (ＡＢＣ１２３) as an IME types it.
            builder.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }
        return builder.ToString().ToUpperInvariant();
    }

    private static string? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "统一社会信用代码不能为空。";
        }
        if (text.Length != Length)
        {
            return $"长度错误：统一社会信用代码应为18位，“{text}”为{text.Length}位。";
        }
        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(text[i]) < 0)
            {
                return $"字符错误：第{i + 1}位“{text[i]}”不是统一社会信用代码允许的字符（数字0-9及除I、O、S、V、Z以外的大写字母）。";
            }
        }
        var region = text.Substring(2, 6);
        if (!region.All(char.IsAsciiDigit))
        {
            return $"行政区划码错误：第3至8位应为6位数字的登记管理机关行政区划码，“{region}”不是。";
        }
        if (!Provinces.Contains(region[..2]))
        {
            return $"行政区划码错误：第3至8位“{region}”的前两位“{region[..2]}”不是有效的省级行政区划代码。";
        }
        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
        {
            return $"校验码错误：按 GB 32100-2015 计算第18位应为“{expected}”，实际为“{text[17]}”。";
        }
        return null;
    }

    /// <summary>The check character of the first 17 characters (each from <see cref="Alphabet"/>).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("需要前17位。", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"第{i + 1}位“{first17[i]}”不是允许的字符。", nameof(first17));
            }
            sum += value * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>
    /// A valid code for demo and test data: <paramref name="authority"/> and <paramref name="category"/> (e.g. '9','1'
    /// for a company registered by 市场监管), the region code, and an organisation code whose 8-digit body comes
    /// from <paramref name="random"/>, with its GB 11714 check character, then the GB 32100 check character.
    /// </summary>
    public static CreditCode Generate(char authority, char category, string regionCode, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<char> body = stackalloc char[8];
        for (var i = 0; i < 8; i++)
        {
            body[i] = (char)('0' + random.Next(10));
        }
        // GB 11714-1997: weights 3,7,9,10,5,8,4,2; C9 = 11 − Σ mod 11 (10 → X, 11 → 0).
        int[] orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
        var orgSum = 0;
        for (var i = 0; i < 8; i++)
        {
            orgSum += (body[i] - '0') * orgWeights[i];
        }
        var orgCheck = 11 - orgSum % 11;
        var c9 = orgCheck switch { 10 => 'X', 11 => '0', _ => (char)('0' + orgCheck) };
        var first17 = $"{authority}{category}{regionCode}{body}{c9}";
        return Parse(first17 + CheckCharacter(first17));
    }
}
