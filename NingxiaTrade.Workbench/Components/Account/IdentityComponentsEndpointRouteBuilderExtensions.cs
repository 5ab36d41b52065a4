using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Workbench.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // The static-rendered /Account pages post here; everything else they need is in the pages themselves.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return accountGroup;
    }
}
