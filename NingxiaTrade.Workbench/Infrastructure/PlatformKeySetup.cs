using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>
/// Opens the platform key file (<c>Security:PlatformKeyFile</c>) at start-up, so a server without it refuses to start
/// with a clear message instead of failing at the first signature. Development creates one under the data folder.
/// </summary>
public static class PlatformKeySetup
{
    public const string Setting = "Security:PlatformKeyFile";

    public static IServiceCollection AddPlatformKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = DatabaseSetup.DataFolder(configuration, environment);
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            configured = Path.GetFullPath(configured, environment.ContentRootPath);
        }
        services.AddSingleton(PlatformKeyRing.Open(configured, environment.IsDevelopment(), folder));
        return services;
    }
}

/// <summary>
/// <c>NingxiaTrade.Workbench platform-key create|rotate-seal-wrap|rotate-anchor --file &lt;path&gt;</c>: makes the key
/// file on first deployment, or adds a new current key to it (old keys stay so existing seals open and old anchors
/// verify). Needs no database.
/// </summary>
public static class PlatformKeyCommand
{
    public const string Verb = "platform-key";

    public static int Run(string[] args, TextWriter output)
    {
        var i = Array.IndexOf(args, "--file");
        var path = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var action = args.Length > 1 ? args[1] : null;
        if (path is null || action is not ("create" or "rotate-seal-wrap" or "rotate-anchor"))
        {
            output.WriteLine("用法：NingxiaTrade.Workbench platform-key create|rotate-seal-wrap|rotate-anchor --file <密钥文件路径>");
            return 2;
        }
        if (action == "create")
        {
            if (File.Exists(path))
            {
                output.WriteLine($"密钥文件 {path} 已存在，未改动。");
                return 1;
            }
            PlatformKeyRing.CreateNew().Save(path);
            output.WriteLine($"已生成平台密钥文件 {path}。请立即离线备份，并在配置项 {PlatformKeySetup.Setting} 中指向它。");
            return 0;
        }
        if (!File.Exists(path))
        {
            output.WriteLine($"密钥文件 {path} 不存在。");
            return 1;
        }
        var ring = PlatformKeyRing.Load(path);
        File.Copy(path, path + $".{DateTime.UtcNow:yyyyMMddHHmmss}.bak");
        ring = action == "rotate-seal-wrap" ? ring.WithNewSealWrapKey() : ring.WithNewAnchorKey();
        ring.Save(path);
        output.WriteLine(action == "rotate-seal-wrap"
            ? $"已新增封装密钥 {ring.CurrentSealWrapKeyId} 并设为当前密钥；重启后各签章自动改用新密钥封装（无需 PIN）。旧密钥保留在文件中。"
            : $"已新增锚点签名密钥 {ring.CurrentAnchorKeyId} 并设为当前密钥；旧公钥保留，旧锚点仍可校验。");
        return 0;
    }
}
