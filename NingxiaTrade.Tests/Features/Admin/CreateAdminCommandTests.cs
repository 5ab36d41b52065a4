using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Tests.Features.Admin;

/// <summary>The workbench as deployed: Production, no demo accounts.</summary>
public sealed class ProductionFactory : WorkbenchFactory
{
    // Production cookies are Secure: the site is reached over HTTPS (directly or through a proxy).
    public ProductionFactory() => ClientOptions.BaseAddress = new Uri("https://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("DemoData:Enabled", "false");
        // Production keeps its data-protection keys encrypted with a certificate; a test makes its own.
        builder.UseSetting("DataProtection:CertificatePath", TestCertificate.WritePfx(DataFolder, CertificatePassword));
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
    }

    private const string CertificatePassword = "test-only-pfx-password";
}

public class CreateAdminCommandTests
{
    [Fact]
    public async Task Production_HasNoDemoAccounts_AndLoginPageExplainsCreateAdmin()
    {
        using var factory = new ProductionFactory();
        var html = await factory.CreateCookieClient().GetStringAsync("/Account/Login");
        Assert.Contains("create-admin", html);
        Assert.Contains("系统尚未创建系统管理员账户", html);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Null(await users.FindByEmailAsync(DemoAccount.ForRole(Roles.Admin).Email));
    }

    [Fact]
    public async Task CreateAdmin_CreatesAnAdministratorWhoCanLogIn_AndTheNoticeGoes()
    {
        using var factory = new ProductionFactory();
        var output = new StringWriter();
        var code = await CreateAdminCommand.RunAsync(factory.Services,
            ["create-admin", "--email", "first.admin@nx.gov.cn", "--name", "首任管理员", "--password", "First@Admin2026"], output);
        Assert.Equal(0, code);
        Assert.Contains("已创建系统管理员", output.ToString());

        var client = factory.CreateCookieClient();
        Assert.DoesNotContain("系统尚未创建系统管理员账户", await client.GetStringAsync("/Account/Login"));
        await HttpLogin.LoginAsync(client, "first.admin@nx.gov.cn", "First@Admin2026");
    }

    [Fact]
    public async Task CreateAdmin_NineCharacters_RefusedInChinese()
    {
        using var factory = new ProductionFactory();
        var output = new StringWriter();
        var code = await CreateAdminCommand.RunAsync(factory.Services,
            ["create-admin", "--email", "nine.admin@nx.gov.cn", "--password", "Nine@2026"], output);
        Assert.Equal(1, code);
        Assert.Contains("至少需要 10 个字符", output.ToString());
    }

    [Fact]
    public async Task CreateAdmin_WeakPassword_RefusedInChinese()
    {
        using var factory = new ProductionFactory();
        var output = new StringWriter();
        var code = await CreateAdminCommand.RunAsync(factory.Services,
            ["create-admin", "--email", "weak.admin@nx.gov.cn", "--password", "weak"], output);
        Assert.Equal(1, code);
        Assert.Contains("至少需要 10 个字符", output.ToString());
    }
}
