using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>
/// Identity's sign-in manager that records every password and second-factor attempt as a <see cref="SignInEvent"/>
/// (in the audit chain), whichever page calls it.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IDbContextFactory<TradeDbContext> contexts,
    TimeProvider time)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        await RecordAsync(null, userName, "密码", result);
        return result;
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, user.UserName ?? "", "密码", result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(user, user?.UserName ?? "", "验证器", result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync(user, user?.UserName ?? "", "恢复码", result);
        return result;
    }

    private async Task RecordAsync(ApplicationUser? user, string userName, string method, SignInResult result)
    {
        var outcome = result.Succeeded ? SignInOutcome.Succeeded
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
            : result.IsNotAllowed ? SignInOutcome.NotAllowed
            : SignInOutcome.Failed;
        await using var db = await contexts.CreateDbContextAsync();
        // The person signing in is not signed in yet: the event is recorded under the name typed.
        db.Actor = new SignInActor(user?.Id, userName);
        db.SignInEvents.Add(new SignInEvent(user?.Id, userName, method, outcome,
            Context.Connection.RemoteIpAddress?.ToString(), time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    private sealed record SignInActor(string? UserId, string? UserName) : IAuditActor
    {
        public string? Role => "Anonymous";
    }
}
