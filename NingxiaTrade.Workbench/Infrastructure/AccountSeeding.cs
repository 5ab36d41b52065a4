using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Organisations;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>One demo account, as configured under <c>DemoData:Accounts</c> (Development only).</summary>
public sealed class DemoAccountOptions
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string Role { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>A trading centre's region code (640000 …) or a supervising department's short name.</summary>
    public string? Organisation { get; set; }
}

public static class AccountSeeding
{
    /// <summary>Roles always; in Development with <c>DemoData:Enabled</c>, the demo accounts too.</summary>
    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TradeDbContext>();
        await ReferenceData.SeedAsync(db);
        await NingxiaTrade.Domain.Workflows.WorkflowDefinitionService.SeedDefaultsAsync(db, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await NingxiaTrade.Domain.Experts.ExpertPool.SeedSpecialtiesAsync(db);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!environment.IsDevelopment() || !configuration.GetValue("DemoData:Enabled", false))
        {
            return;
        }
        var accounts = configuration.GetSection("DemoData:Accounts").Get<List<DemoAccountOptions>>() ?? [];
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var time = sp.GetRequiredService<TimeProvider>();
        foreach (var account in accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }
            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            await AttachOrganisationAsync(db, user, account.Role, account.Organisation);
            var result = await users.CreateAsync(user, account.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"演示账户 {account.Email} 创建失败：{string.Join("；", result.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, account.Role);
        }
        // Demo market entities, linked to the demo bidder, tenderer and agent created above.
        await Features.MarketEntities.MarketEntityDemoData.SeedAsync(db, time, sp.GetRequiredService<NingxiaTrade.Domain.MarketEntities.SealProtection>());
        // Demo projects after the entities: each project's tenderer is one of them.
        await NingxiaTrade.Workbench.Features.Projects.DemoProjects.SeedAsync(services, configuration);
        await NingxiaTrade.Workbench.Features.Rules.DemoRules.SeedAsync(services, configuration);
        // Signed tender documents on one demo project, obtained by the demo bidder.
        await Features.Bidding.BiddingDemoData.SeedAsync(services, configuration);
        // A two-lot project just past its deadline: sealed bids of the three demo bidders, lot 1 opened, lot 2 with two bids.
        await Features.Bidding.SealedBidDemoData.SeedAsync(services, configuration);
        // Demo experts (some at the demo entities), and the demo expert account linked to one of them.
        await Features.Experts.ExpertDemoData.SeedAsync(db, time);
    }

    private static async Task AttachOrganisationAsync(TradeDbContext db, ApplicationUser user, string role, string? organisation)
    {
        if (string.IsNullOrWhiteSpace(organisation))
        {
            return;
        }
        switch (Roles.OrganisationKindOf(role))
        {
            case OrganisationKind.TradingCentre:
                user.TradingCentreId = await db.TradingCentres.Where(c => c.RegionCode == organisation).Select(c => (int?)c.Id).FirstOrDefaultAsync();
                break;
            case OrganisationKind.SupervisingDepartment:
                user.SupervisingDepartmentId = await db.SupervisingDepartments.Where(d => d.ShortName == organisation).Select(d => (int?)d.Id).FirstOrDefaultAsync();
                break;
            case OrganisationKind.MarketEntity:
            case OrganisationKind.Expert:
                break;
        }
    }

    /// <summary>True when no account holds the Admin role: the login page then says how to create one.</summary>
    public static async Task<bool> NoAdministratorAsync(UserManager<ApplicationUser> users) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0;
}
