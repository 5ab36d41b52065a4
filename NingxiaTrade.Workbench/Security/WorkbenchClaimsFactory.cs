using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Workbench.Security;

/// <summary>Puts the person's name and organisation in the cookie, for the app bar.</summary>
public sealed class WorkbenchClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    TradeDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "nxt:display_name";
    public const string OrganisationClaim = "nxt:organisation";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        var organisation = await OrganisationNameAsync(db, user);
        if (organisation is not null)
        {
            identity.AddClaim(new Claim(OrganisationClaim, organisation));
        }
        return identity;
    }

    internal static async Task<string?> OrganisationNameAsync(TradeDbContext db, ApplicationUser user)
    {
        if (user.TradingCentreId is { } centreId)
        {
            return await db.TradingCentres.Where(c => c.Id == centreId).Select(c => c.Name).FirstOrDefaultAsync();
        }
        if (user.SupervisingDepartmentId is { } departmentId)
        {
            return await db.SupervisingDepartments.Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync();
        }
        // A tenderer, agent or bidder belongs to its market entity; an expert to the expert pool.
        if (user.MarketEntityId is { } entityId)
        {
            return await db.MarketEntities.Where(e => e.Id == entityId).Select(e => e.Name).FirstOrDefaultAsync();
        }
        if (await db.Experts.AnyAsync(e => e.UserId == user.Id))
        {
            return "宁夏回族自治区综合评标评审专家库";
        }
        return null;
    }
}
