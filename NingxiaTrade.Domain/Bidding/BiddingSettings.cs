namespace NingxiaTrade.Domain.Bidding;

/// <summary>Settings of the bidding module (configuration section <c>Bidding</c>).</summary>
public sealed class BiddingSettings
{
    /// <summary>Largest tender-document (and amendment) file accepted, in bytes (default 200 MB).</summary>
    public long TenderDocumentMaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest bid file accepted, in bytes (default 500 MB).</summary>
    public long BidFileMaxBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Most files in one bid.</summary>
    public int BidFilesMax { get; set; } = 10;

    /// <summary>PBKDF2-HMAC-SHA256 iterations deriving the key of a bidder's decryption password (default 600 000).</summary>
    public int BidPasswordIterations { get; set; } = 600_000;

    /// <summary>The decryption window of an opening, minutes (default 30).</summary>
    public int DecryptionWindowMinutes { get; set; } = 30;

    /// <summary>
    /// Days an amendment that may affect bid preparation must precede the bid deadline (default 15, the legal minimum:
    /// 《招标投标法》第二十三条, 《招标投标法实施条例》第二十一条, 财政部令第87号第二十七条). A centre may require more, never less.
    /// </summary>
    public int AmendmentNoticeDays { get; set; } = 15;

    /// <summary>
    /// Questions are taken until this many days before the bid deadline (default 10, as objections to the tender
    /// documents must be raised 10 days before it, 《招标投标法实施条例》第二十二条), so an answer can still reach everyone in
    /// time; 0 takes them until the deadline.
    /// </summary>
    public int QuestionCutoffDays { get; set; } = 10;

    /// <summary>The settings as given, refused at start-up when the notice period is below the legal 15 days.</summary>
    public BiddingSettings Validated() => AmendmentNoticeDays < 15 || QuestionCutoffDays < 0
        ? throw new InvalidOperationException("Bidding:AmendmentNoticeDays must be at least 15 (招标投标法 第二十三条) and Bidding:QuestionCutoffDays not negative.")
        : this;
}
