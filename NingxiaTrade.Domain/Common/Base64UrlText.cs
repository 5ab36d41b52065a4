namespace NingxiaTrade.Domain.Common;

/// <summary>
/// The URL-safe Base64 of the platform's signed tokens (signatures, receipts): '-' and '_' for '+' and '/', no padding.
/// Reading also accepts standard Base64 and padding, so a token re-encoded by a mail client still reads.
/// </summary>
public static class Base64UrlText
{
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The bytes; a <see cref="FormatException"/> when the text is not Base64.</summary>
    public static byte[] Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
