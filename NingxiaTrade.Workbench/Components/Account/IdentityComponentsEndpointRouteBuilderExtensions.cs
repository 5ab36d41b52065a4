using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Security;

namespace NingxiaTrade.Workbench.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // The static-rendered /Account pages post here; everything else they need is in the pages themselves.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            // Server-side: the cookie stops working everywhere, not only in this browser (SessionRevocation).
            await SessionRevocation.SignOutEverywhereAsync(signInManager, context.User);
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return accountGroup;
    }
}
