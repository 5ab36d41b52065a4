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
        return $"{Prefix}.{Base64UrlText.Encode(bytes)}.{Base64UrlText.Encode(keys.SignAnchor(bytes))}";
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
            var bytes = Base64UrlText.Decode(body);
            var receipt = JsonSerializer.Deserialize<BidReceipt>(bytes, Json);
            return receipt is not null && keys.AnchorPublicKey(receipt.KeyId) is { } publicKey && SealCrypto.Verify(publicKey, bytes, Base64UrlText.Decode(signature))
                ? receipt
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }


}
