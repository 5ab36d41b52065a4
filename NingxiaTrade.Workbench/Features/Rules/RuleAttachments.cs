using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Rules;

/// <summary>
/// The originals attached to rules, as files under <c>{Database:DataFolder}/rule-files</c> (App_Data by default),
/// named by a new GUID so an upload's name never reaches the file system.
/// </summary>
public sealed class RuleAttachments(IConfiguration configuration, IHostEnvironment environment, ICurrentUser currentUser)
{
    private static readonly string[] Allowed = [".pdf", ".docx", ".doc", ".ofd"];

    private string Folder => StoredFiles.Folder(configuration, environment, "rule-files");

    /// <summary>Stores an original; returns the stored name to keep on the rule.</summary>
    public async Task<string> SaveAsync(string fileName, long size, Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Allowed.Contains(extension))
        {
            throw new DomainException($"附件只能是 {string.Join("、", Allowed)} 文件。");
        }
        if (size > maxBytes)
        {
            throw new DomainException($"附件超过 {maxBytes / 1024 / 1024} MB。");
        }
        Directory.CreateDirectory(Folder);
        var stored = StoredFiles.NewName(extension);
        await using var file = File.Create(Path.Combine(Folder, stored));
        await content.CopyToAsync(file, cancellationToken);
        return stored;
    }

    /// <summary>The stored file, or null when the name is not one this store made.</summary>
    public string? PathOf(string stored) => StoredFiles.PathOf(Folder, stored);
}
