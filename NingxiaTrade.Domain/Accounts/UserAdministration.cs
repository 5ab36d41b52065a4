using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Accounts;

public sealed record UserRow(
    string Id, string Email, string DisplayName, string? Role, string? Organisation,
    int? TradingCentreId, int? SupervisingDepartmentId,
    bool IsLocked, DateTime? LockoutEndUtc, bool TwoFactorEnabled, DateTime? LastSignInUtc, bool WorkflowDesigner = false);

public sealed record UserQuery(string? Text = null, string? Role = null, bool? LockedOnly = null, int Page = 0, int PageSize = 20);

public sealed record UserForm(string Email, string DisplayName, string Role, int? TradingCentreId, int? SupervisingDepartmentId,
    string? Password = null, bool WorkflowDesigner = false);

public sealed record AccountsOverview(int Total, int Locked, int WithoutTwoFactor, IReadOnlyDictionary<string, int> ByRole);

/// <summary>The Admin's account screens: create, assign role and organisation, lock/unlock, reset password.</summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> users,
    TradeDbContext db,
    ICurrentUser currentUser,
    TimeProvider time)
{
    public async Task<PagedResult<UserRow>> ListAsync(UserQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var rows =
            from u in db.Users.AsNoTracking()
            let role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault()
            let centre = db.TradingCentres.Where(c => c.Id == u.TradingCentreId).Select(c => c.Name).FirstOrDefault()
            let department = db.SupervisingDepartments.Where(d => d.Id == u.SupervisingDepartmentId).Select(d => d.Name).FirstOrDefault()
            let designer = db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == ICurrentUser.PermissionClaim && c.ClaimValue == DesignerPermission)
            select new { u, role, organisation = centre ?? department, designer };
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            rows = rows.Where(x => x.u.Email!.Contains(text) || x.u.DisplayName.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            rows = rows.Where(x => x.role == query.Role);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows
            .OrderBy(x => x.u.Email)
            .Page(query.Page, query.PageSize)
            .Select(x => new
            {
                x.u.Id, x.u.Email, x.u.DisplayName, x.role, x.organisation,
                x.u.TradingCentreId, x.u.SupervisingDepartmentId,
                x.u.LockoutEnd, x.u.TwoFactorEnabled, x.u.LastSignInUtc, x.designer,
            })
            .ToListAsync(cancellationToken);
        var items = page.Select(x => new UserRow(
            x.Id, x.Email ?? "", x.DisplayName, x.role, x.organisation, x.TradingCentreId, x.SupervisingDepartmentId,
            x.LockoutEnd is { } end && end > now, x.LockoutEnd?.UtcDateTime, x.TwoFactorEnabled, x.LastSignInUtc, x.designer)).ToList();
        return new PagedResult<UserRow>(items, total);
    }

    public async Task<AccountsOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        var now = time.GetUtcNow();
        var total = await db.Users.CountAsync(cancellationToken);
        // LockoutEnd is a DateTimeOffset, which SQLite cannot compare in SQL; the set of locked accounts is small.
        var lockouts = await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(cancellationToken);
        var locked = lockouts.Count(e => e > now);
        var withoutTwoFactor = await db.Users.CountAsync(u => !u.TwoFactorEnabled, cancellationToken);
        var byRole = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id group ur by r.Name into g select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key ?? "", x => x.Count, cancellationToken);
        return new AccountsOverview(total, locked, withoutTwoFactor, byRole);
    }

    public async Task<string> CreateAsync(UserForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        db.ChangeTracker.Clear();
        var email = form.Email?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            throw new DomainException("电子邮箱格式不正确。");
        }
        if (string.IsNullOrEmpty(form.Password))
        {
            throw new DomainException("请设置初始密码。");
        }
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        await ApplyAsync(user, form, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(user, form.Password));
        Check(await users.AddToRoleAsync(user, form.Role));
        await SetDesignerAsync(user, form);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    public async Task UpdateAsync(string userId, UserForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        db.ChangeTracker.Clear();
        var user = await FindAsync(userId);
        if (user.Id == currentUser.UserId && form.Role != Roles.Admin)
        {
            throw new DomainException("不能取消自己的系统管理员角色。");
        }
        await ApplyAsync(user, form, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([form.Role]))
        {
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, form.Role));
        }
        Check(await users.UpdateAsync(user));
        await SetDesignerAsync(user, form);
        // A changed role or organisation takes effect at the next revalidation.
        Check(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task LockAsync(string userId)
    {
        currentUser.Demand(Roles.Admin);
        db.ChangeTracker.Clear();
        var user = await FindAsync(userId);
        if (user.Id == currentUser.UserId)
        {
            throw new DomainException("不能锁定自己的账户。");
        }
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task UnlockAsync(string userId)
    {
        currentUser.Demand(Roles.Admin);
        db.ChangeTracker.Clear();
        var user = await FindAsync(userId);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    public async Task ResetPasswordAsync(string userId, string newPassword)
    {
        currentUser.Demand(Roles.Admin);
        db.ChangeTracker.Clear();
        var user = await FindAsync(userId);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword ?? ""));
    }

    private async Task ApplyAsync(ApplicationUser user, UserForm form, CancellationToken cancellationToken)
    {
        var name = form.DisplayName?.Trim() ?? "";
        if (name.Length is < 2 or > 50)
        {
            throw new DomainException("姓名应为2至50个字符。");
        }
        if (!Roles.All.Contains(form.Role))
        {
            throw new DomainException("请选择角色。");
        }
        user.DisplayName = name;
        user.TradingCentreId = null;
        user.SupervisingDepartmentId = null;
        switch (Roles.OrganisationKindOf(form.Role))
        {
            case OrganisationKind.TradingCentre:
                if (form.TradingCentreId is not { } centreId || !await db.TradingCentres.AnyAsync(c => c.Id == centreId && c.IsActive, cancellationToken))
                {
                    throw new DomainException($"{Roles.Chinese(form.Role)}必须隶属于一个在用的交易中心。");
                }
                user.TradingCentreId = centreId;
                break;
            case OrganisationKind.SupervisingDepartment:
                if (form.SupervisingDepartmentId is not { } departmentId || !await db.SupervisingDepartments.AnyAsync(d => d.Id == departmentId && d.IsActive, cancellationToken))
                {
                    throw new DomainException($"{Roles.Chinese(form.Role)}必须隶属于一个在用的行政监督部门。");
                }
                user.SupervisingDepartmentId = departmentId;
                break;
            case OrganisationKind.MarketEntity:
            case OrganisationKind.Expert:
                // Linked to its market entity or expert record by those modules.
                break;
        }
    }

    /// <summary>Permission claim a clerk needs to edit workflow definitions (the workflow module checks it).</summary>
    public const string DesignerPermission = "workflow-designer";

    /// <summary>The designer permission is for trading-centre clerks only; any other role loses it.</summary>
    private async Task SetDesignerAsync(ApplicationUser user, UserForm form)
    {
        var want = form.WorkflowDesigner && form.Role == Roles.CentreClerk;
        var claims = await users.GetClaimsAsync(user);
        var has = claims.FirstOrDefault(c => c.Type == ICurrentUser.PermissionClaim && c.Value == DesignerPermission);
        if (want && has is null)
        {
            Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(ICurrentUser.PermissionClaim, DesignerPermission)));
        }
        else if (!want && has is not null)
        {
            Check(await users.RemoveClaimAsync(user, has));
        }
    }

    private async Task<ApplicationUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainException("用户不存在。");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
