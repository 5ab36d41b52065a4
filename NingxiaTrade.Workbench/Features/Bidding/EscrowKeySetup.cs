using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Bidding;

/// <summary>
/// The centre's escrow key for sealed bids: <c>Bidding:Escrow:KeyFile</c> (the file, outside the database) and
/// <c>Bidding:Escrow:Passphrase</c> (from configuration — an environment variable or a secret store, never the file's
/// folder). Development creates one under the data folder. Without a key file bids cannot be sealed (refused with the
/// reason), so a centre notices before its first tender.
/// </summary>
public static class EscrowKeySetup
{
    public const string FileSetting = "Bidding:Escrow:KeyFile";
    public const string PassphraseSetting = "Bidding:Escrow:Passphrase";
    public const string DevelopmentFileName = "escrow-key.json";

    public static EscrowKeyAccess Open(IConfiguration configuration, IHostEnvironment environment)
    {
        var passphrase = configuration[PassphraseSetting];
        var configured = configuration[FileSetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, environment.ContentRootPath);
            return new EscrowKeyAccess(File.Exists(path) ? EscrowKey.Load(path, passphrase) : null);
        }
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(passphrase))
        {
            return new EscrowKeyAccess(null);
        }
        var development = Path.Combine(Path.GetDirectoryName(StoredFiles.Folder(configuration, environment, "x"))!, DevelopmentFileName);
        if (!File.Exists(development))
        {
            EscrowKey.Create(passphrase).Save(development);
        }
        return new EscrowKeyAccess(EscrowKey.Load(development, passphrase));
    }
}

/// <summary>
/// <c>NingxiaTrade.Workbench escrow-key create --file &lt;path&gt;</c>: makes the escrow key file on first deployment, the
/// passphrase taken from the environment variable <c>Bidding__Escrow__Passphrase</c> (never from the command line, which
/// other users of the server can see). Needs no database.
/// </summary>
public static class EscrowKeyCommand
{
    public const string Verb = "escrow-key";

    public static int Run(string[] args, TextWriter output)
    {
        var i = Array.IndexOf(args, "--file");
        var path = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (path is null || args.Length < 2 || args[1] != "create")
        {
            output.WriteLine("用法：Bidding__Escrow__Passphrase=<口令> NingxiaTrade.Workbench escrow-key create --file <托管密钥文件路径>");
            return 2;
        }
        if (File.Exists(path))
        {
            output.WriteLine($"托管密钥文件 {path} 已存在，未改动。");
            return 1;
        }
        var passphrase = Environment.GetEnvironmentVariable("Bidding__Escrow__Passphrase");
        try
        {
            var key = EscrowKey.Create(passphrase ?? "");
            key.Save(path);
            output.WriteLine($"已生成托管密钥文件 {path}（公钥指纹 {key.KeyId}）。请离线备份该文件，口令另行保管，并在配置项 {EscrowKeySetup.FileSetting} 中指向它。");
            return 0;
        }
        catch (NingxiaTrade.Domain.Common.DomainException e)
        {
            output.WriteLine(e.Message);
            return 1;
        }
    }
}
