namespace NingxiaTrade.Domain.Bidding;

/// <summary>Settings of the bidding module (configuration section <c>Bidding</c>).</summary>
public sealed class BiddingSettings
{
    /// <summary>Largest tender-document file accepted, in bytes (default 200 MB).</summary>
    public long TenderDocumentMaxBytes { get; set; } = 200L * 1024 * 1024;
}
