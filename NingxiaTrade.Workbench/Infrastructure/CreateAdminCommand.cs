using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>
/// <c>NingxiaTrade.Workbench create-admin --email a@b.cn --name 张三 [--password …]</c>: creates an administrator
/// at the regional trading centre. Production has no demo accounts; this is how the first one is made.
/// Without --password the password is read from NXT_ADMIN_PASSWORD or asked for on the terminal.
/// </summary>
public static class CreateAdminCommand
{
    public const string Verb = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var email = Option("--email");
        var name = Option("--name") ?? "系统管理员";
        var password = Option("--password") ?? Environment.GetEnvironmentVariable("NXT_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(email))
        {
            output.WriteLine("用法：NingxiaTrade.Workbench create-admin --email <电子邮箱> [--name <姓名>] [--password <密码>]");
            return 2;
        }
        if (string.IsNullOrEmpty(password) && !Console.IsInputRedirected)
        {
            output.Write("请输入密码（至少10位，含大小写字母和数字）：");
            password = ReadHidden();
        }
        if (string.IsNullOrEmpty(password))
        {
            output.WriteLine("未提供密码：请用 --password 或环境变量 NXT_ADMIN_PASSWORD 提供。");
            return 2;
        }

        await services.MigrateDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<WorkbenchCurrentUser>();
        actor.Override = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "命令行 create-admin"), new Claim(ClaimTypes.Role, "System")], "cli"));
        var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
        await NingxiaTrade.Domain.Organisations.ReferenceData.SeedAsync(db);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            output.WriteLine($"账户 {email} 已存在。");
            return 1;
        }
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            LockoutEnabled = true,
            CreatedUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            TradingCentreId = await db.TradingCentres.Where(c => c.RegionCode == Regions.Ningxia).Select(c => (int?)c.Id).FirstOrDefaultAsync(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            output.WriteLine("创建失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        output.WriteLine($"已创建系统管理员 {email}。");
        return 0;
    }

    private static string ReadHidden()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string([.. chars]);
            }
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
