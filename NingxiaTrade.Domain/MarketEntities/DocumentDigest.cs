using System.Buffers;
using Org.BouncyCastle.Crypto.Digests;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>
/// The SM3 digest of a document fed piece by piece, so a document being verified is never held in memory
/// whole: an upload is hashed as it arrives.
/// </summary>
public sealed class DocumentDigest
{
    private readonly SM3Digest _sm3 = new();

    /// <summary>Bytes hashed so far.</summary>
    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        _sm3.BlockUpdate(data);
        Length += data.Length;
    }

    /// <summary>The digest as lower-case hex, as signature envelopes carry it.</summary>
    public string ToHex()
    {
        var hash = new byte[_sm3.GetDigestSize()];
        _sm3.DoFinal(hash, 0);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Hashes a stream in 64 KB pieces; null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<DocumentDigest?> OfStreamAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var digest = new DocumentDigest();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (digest.Length + read > maxBytes)
                {
                    return null;
                }
                digest.Append(buffer.AsSpan(0, read));
            }
            return digest;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
