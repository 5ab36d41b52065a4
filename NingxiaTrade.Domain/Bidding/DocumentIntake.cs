using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>A file taken into the document store: its stored name, SM3 (lower-case hex) and length.</summary>
public sealed record StoredDocument(string StoredName, string Sm3, long Length);

/// <summary>
/// What the bidding module's uploads (tender documents, amendments) share: the accepted types checked by content, the
/// streamed store with its size limit and SM3, the signing entity of the account, and "is the project still taking bids".
/// </summary>
public static class DocumentIntake
{
    /// <summary>Accepted types and the bytes each starts with (docx, OFD and zip are zip packages).</summary>
    private static readonly Dictionary<string, byte[]> Signatures = new(StringComparer.Ordinal)
    {
        [".pdf"] = "%PDF"u8.ToArray(),
        [".ofd"] = [0x50, 0x4B, 0x03, 0x04],
        [".docx"] = [0x50, 0x4B, 0x03, 0x04],
        [".zip"] = [0x50, 0x4B, 0x03, 0x04],
    };

    public static string Accept => string.Join(",", Signatures.Keys);

    /// <summary>The file name without any path, refused (naming <paramref name="what"/>) when not an accepted type.</summary>
    public static string CheckName(string? fileName, string what)
    {
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length is 0 or > 200 || !Signatures.ContainsKey(Path.GetExtension(name).ToLowerInvariant()))
        {
            throw new DomainException($"{what}只能是 {string.Join("、", Signatures.Keys)} 文件，文件名不超过200个字符。");
        }
        return name;
    }

    /// <summary>
    /// Streams <paramref name="content"/> into the store, checking its first bytes against the type of
    /// <paramref name="fileName"/> (by content, not the name) and its size as it goes, hashing it with SM3. A refused
    /// file leaves nothing behind.
    /// </summary>
    public static async Task<StoredDocument> StoreAsync(IDocumentStore store, Stream content, string fileName, long maxBytes, string what,
        CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(CheckName(fileName, what)).ToLowerInvariant();
        var signature = Signatures[extension];
        var head = new byte[signature.Length];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < head.Length || !head.AsSpan().SequenceEqual(signature))
        {
            throw new DomainException($"文件内容不是有效的 {extension} 文件（按文件内容而非扩展名判断）。");
        }
        var (stored, file) = store.Create(extension);
        try
        {
            var digest = new DocumentDigest();
            await using (file)
            {
                digest.Append(head);
                await file.WriteAsync(head, cancellationToken);
                var buffer = new byte[81920];
                int n;
                while ((n = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (digest.Length + n > maxBytes)
                    {
                        throw new DomainException(TooLarge(what, maxBytes));
                    }
                    digest.Append(buffer.AsSpan(0, n));
                    await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                }
            }
            return new StoredDocument(stored, digest.ToHex(), digest.Length);
        }
        catch
        {
            store.Delete(stored);
            throw;
        }
    }

    /// <summary>The refusal of a file over the limit (also what a screen shows when the browser stream stops at the limit).</summary>
    public static string TooLarge(string what, long maxBytes) => $"{what}超过 {maxBytes / 1024 / 1024} MB，请压缩或拆分后上传。";

    /// <summary>A client's address as recorded: trimmed, at most <paramref name="max"/> characters, null when blank.</summary>
    public static string? Clip(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];

    /// <summary>The market entity of the signed-in account, refused with <paramref name="refusal"/> when there is none.</summary>
    public static async Task<Guid> EntityOfAsync(TradeDbContext db, string? userId, string refusal, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken)
        ?? throw new DomainException(refusal);

    /// <summary>Published, not ended, and some lot still takes bids (its deadline not set or not reached); else refused.</summary>
    public static void EnsureOpen(ProjectSummary project, string what, DateTime nowUtc)
    {
        if (project.DocumentsIssuedUtc is null)
        {
            throw new DomainException($"项目尚未发布公告（发出招标文件），不能{what}。");
        }
        if (project.IsClosed)
        {
            throw new DomainException($"项目已{project.CurrentStepName}，不能{what}。");
        }
        var open = project.Lots.Where(l => !l.IsClosed).ToList();
        if (open.Count > 0 && open.All(l => l.BidDeadlineUtc is { } deadline && deadline <= nowUtc))
        {
            var last = open.Max(l => l.BidDeadlineUtc!.Value);
            throw new DomainException($"投标截止时间 {ChinaTime.Format(last)} 已过，不能{what}。");
        }
    }
}
