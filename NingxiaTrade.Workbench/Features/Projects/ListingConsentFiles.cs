using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Workbench.Infrastructure;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Projects;

/// <summary>
/// The written consents of approving bodies to a state-asset listing price below the consent threshold (32号令 第十八条), as
/// files under <c>{Database:DataFolder}/listing-consents</c> (App_Data by default), named by a new GUID. An upload is streamed
/// to disk, never held in memory: its type is checked from its extension and its first bytes, its size while it is copied.
/// </summary>
public sealed class ListingConsentFiles(IConfiguration configuration, IHostEnvironment environment, ICurrentUser currentUser, TradingRules rules)
{
    /// <summary>Accepted types and the bytes each file of the type starts with (OFD is a zip package).</summary>
    private static readonly Dictionary<string, byte[]> Signatures = new(StringComparer.Ordinal)
    {
        [".pdf"] = "%PDF"u8.ToArray(),
        [".ofd"] = [0x50, 0x4B, 0x03, 0x04],
        [".jpg"] = [0xFF, 0xD8, 0xFF],
        [".jpeg"] = [0xFF, 0xD8, 0xFF],
        [".png"] = [0x89, 0x50, 0x4E, 0x47],
    };

    public static string Accept => string.Join(",", Signatures.Keys);

    private string Folder => StoredFiles.Folder(configuration, environment, "listing-consents");

    /// <summary>Stores a consent document; returns the stored name to pass to the re-disclosure. Refused files leave nothing behind.</summary>
    public async Task<string> SaveAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk, Roles.Tenderer, Roles.Agent);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Signatures.TryGetValue(extension, out var signature))
        {
            throw new DomainException($"书面同意文件只能是 {string.Join("、", Signatures.Keys)} 文件。");
        }
        var limit = rules.ListingConsentMaxBytes;
        var head = new byte[signature.Length];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < head.Length || !head.AsSpan().SequenceEqual(signature))
        {
            throw new DomainException($"文件内容不是有效的 {extension} 文件，请上传扫描件原件。");
        }
        Directory.CreateDirectory(Folder);
        var stored = StoredFiles.NewName(extension);
        var path = Path.Combine(Folder, stored);
        try
        {
            await using var file = File.Create(path);
            await file.WriteAsync(head, cancellationToken);
            var buffer = new byte[81920];
            long total = head.Length;
            int n;
            while ((n = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += n;
                if (total > limit)
                {
                    throw new DomainException($"书面同意文件超过 {limit / 1024 / 1024} MB。");
                }
                await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return stored;
    }

    /// <summary>The stored file, or null when the name is not one this store made.</summary>
    public string? PathOf(string stored) => StoredFiles.PathOf(Folder, stored);
}
