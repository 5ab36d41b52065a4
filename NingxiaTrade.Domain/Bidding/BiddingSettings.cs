namespace NingxiaTrade.Domain.Bidding;

/// <summary>Settings of the bidding module (configuration section <c>Bidding</c>).</summary>
public sealed class BiddingSettings
{
    /// <summary>Largest tender-document file accepted, in bytes (default 200 MB).</summary>
    public long TenderDocumentMaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest bid file accepted, in bytes (default 500 MB).</summary>
    public long BidFileMaxBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Most files in one bid.</summary>
    public int BidFilesMax { get; set; } = 10;

    /// <summary>PBKDF2-HMAC-SHA256 iterations deriving the key of a bidder's decryption password (default 600 000).</summary>
    public int BidPasswordIterations { get; set; } = 600_000;

    /// <summary>The decryption window of an opening, minutes (default 30).</summary>
    public int DecryptionWindowMinutes { get; set; } = 30;

    /// <summary>The least bids a lot needs to be opened (《招标投标法实施条例》第四十四条; 财政部令第87号第四十一条).</summary>
    public int MinimumBidsToOpen { get; set; } = 3;
}
