using Microsoft.AspNetCore.Authorization;
using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Workbench.Security;

/// <summary>Authorization policies; pages name them once per module folder in _Imports.razor.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Admin = nameof(Admin);
    /// <summary>The non-public /api: a signed-in user or a partner system's API key.</summary>
    public const string ApiCaller = nameof(ApiCaller);

    public const string ApiClientRole = "ApiClient";

    public static void AddWorkbenchPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(ApiCaller, p => p
            .AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
    }
}
