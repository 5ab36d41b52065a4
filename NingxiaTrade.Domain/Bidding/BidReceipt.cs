using System.Text.Json;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>One file as the receipt lists it: name, stored (ciphertext) size and the ciphertext's SM3.</summary>
public sealed record ReceiptFile(string Name, long CipherSize, string CipherSm3);

/// <summary>
/// The receipt (回执) of a sealed bid: lot, bidder, server time, and each file's ciphertext SM3 and size — what the
/// platform received, signed with the platform's SM2 key so the bidder can prove it later without the platform's help.
/// </summary>
public sealed record BidReceipt(Guid BidId, string ProjectCode, string ProjectName, int LotNumber, string LotName, string Bidder,
    string? CreditCode, DateTime SubmittedUtc, IReadOnlyList<ReceiptFile> Files, string KeyId)
{
    public const string Prefix = "NXRCT1";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary><c>NXRCT1.&lt;receipt&gt;.&lt;signature&gt;</c> (base64url), signed with the platform's current anchor key.</summary>
    public static string Issue(BidReceipt receipt, PlatformKeyRing keys)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(receipt with { KeyId = keys.CurrentAnchorKeyId }, Json);
        return $"{Prefix}.{Base64Url(bytes)}.{Base64Url(keys.SignAnchor(bytes))}";
    }

    /// <summary>The receipt if the token is well formed and the platform's key signed it; null otherwise.</summary>
    public static BidReceipt? Verify(string? token, PlatformKeyRing keys)
    {
        var parts = token?.Trim().Split('.');
        if (parts is not [Prefix, var body, var signature])
        {
            return null;
        }
        try
        {
            var bytes = FromBase64Url(body);
            var receipt = JsonSerializer.Deserialize<BidReceipt>(bytes, Json);
            return receipt is not null && keys.AnchorPublicKey(receipt.KeyId) is { } publicKey && SealCrypto.Verify(publicKey, bytes, FromBase64Url(signature))
                ? receipt
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public static bool LooksLikeReceipt(string? token) => token?.TrimStart().StartsWith(Prefix + ".", StringComparison.Ordinal) == true;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
