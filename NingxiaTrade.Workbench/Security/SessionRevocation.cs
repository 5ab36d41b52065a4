using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Workbench.Security;

/// <summary>
/// Logout ends the session on the server. Signing out renews the user's security stamp, and every request that
/// carries the sign-in cookie is checked against the stamp in the database, so a cookie copied before the
/// logout is refused at once — also after a restart and on every instance of the site, because the stamp lives
/// in the database next to the account (no session table to keep, no schema change). Renewing the stamp ends
/// the user's sessions on every device: for a trading platform "退出" means that.
/// </summary>
public static class SessionRevocation
{
    /// <summary>Wraps the cookie's principal validation: stamp check on every request, then Identity's periodic refresh.</summary>
    public static void CheckStampOnEveryRequest(CookieAuthenticationOptions options)
    {
        var periodic = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!await StampStillValidAsync(context.HttpContext, context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await periodic(context);
        };
    }

    /// <summary>Renews the security stamp of the signed-in user (every cookie issued so far stops working), then signs out.</summary>
    public static async Task SignOutEverywhereAsync(SignInManager<ApplicationUser> signInManager, ClaimsPrincipal principal)
    {
        var user = await signInManager.UserManager.GetUserAsync(principal);
        if (user is not null)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }
        await signInManager.SignOutAsync();
    }

    private static async Task<bool> StampStillValidAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var users = http.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }
        return !users.SupportsUserSecurityStamp
            || principal.FindFirstValue(claims.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
