using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.Projects;

namespace NingxiaTrade.Tests.Features.Projects;

/// <summary>The written-consent upload of a state-asset re-disclosure: type checked by extension and content, size while streaming.</summary>
public sealed class ListingConsentFilesTests : IDisposable
{
    private sealed class Env(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "NingxiaTrade";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private readonly string _root = Directory.CreateTempSubdirectory("consents").FullName;
    private readonly TestUser _user = new TestUser().As(Roles.CentreClerk);
    private readonly TradingRules _rules = new() { ListingConsentMaxBytes = 1024 };

    private ListingConsentFiles Files => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataFolder"] = _root }).Build(),
        new Env(_root), _user, _rules);

    private string Folder => Path.Combine(_root, "listing-consents");

    private static MemoryStream Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.7"u8.CopyTo(bytes);
        return new MemoryStream(bytes);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task SaveAsync_PdfWithinLimit_StoredWholeUnderNewName()
    {
        var stored = await Files.SaveAsync("国资委同意函.pdf", Pdf(1024));
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", stored);
        Assert.Equal(1024, new FileInfo(Files.PathOf(stored)!).Length);
        Assert.Null(Files.PathOf("../" + stored));
    }

    [Fact]
    public async Task SaveAsync_WrongExtension_RefusedInChinese()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Files.SaveAsync("同意函.docx", Pdf(100)));
        Assert.StartsWith("书面同意文件只能是", refused.Message);
        Assert.False(Directory.Exists(Folder) && Directory.EnumerateFiles(Folder).Any());
    }

    [Fact]
    public async Task SaveAsync_PdfNameButOtherContent_RefusedAndNothingStored()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Files.SaveAsync("同意函.pdf", new MemoryStream("<html>"u8.ToArray())));
        Assert.Contains("不是有效的 .pdf 文件", refused.Message);
        Assert.False(Directory.Exists(Folder) && Directory.EnumerateFiles(Folder).Any());
    }

    [Fact]
    public async Task SaveAsync_LargerThanSettingWhileStreaming_RefusedAndPartialFileRemoved()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Files.SaveAsync("同意函.pdf", Pdf(100_000)));
        Assert.StartsWith("书面同意文件超过", refused.Message);
        Assert.Empty(Directory.EnumerateFiles(Folder));
    }

    [Fact]
    public async Task SaveAsync_Supervisor_Refused()
    {
        _user.As(Roles.Supervisor);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Files.SaveAsync("同意函.pdf", Pdf(100)));
    }
}
