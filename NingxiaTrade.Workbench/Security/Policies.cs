using Microsoft.AspNetCore.Authorization;
using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Workbench.Security;

/// <summary>Authorization policies; pages name them once per module folder in _Imports.razor.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Admin = nameof(Admin);
    /// <summary>流程设计: an Admin, or a clerk holding the designer permission (the service checks the same).</summary>
    public const string WorkflowDesigner = nameof(WorkflowDesigner);
    /// <summary>The non-public /api: a signed-in user or a partner system's API key.</summary>
    public const string ApiCaller = nameof(ApiCaller);

    public const string ApiClientRole = "ApiClient";

    /// <summary>Accounts of a market entity: bidders, tenderers, agents (their own entity only).</summary>
    public const string EntityAccount = nameof(EntityAccount);
    /// <summary>Who reads the region-wide registry: clerks, supervisors, administrators.</summary>
    public const string RegistryReader = nameof(RegistryReader);
    public const string CentreClerk = nameof(CentreClerk);
    public const string Supervisor = nameof(Supervisor);
    /// <summary>Who keeps credit records and ban lists: supervisors and administrators.</summary>
    public const string CreditKeeper = nameof(CreditKeeper);

    /// <summary>Who opens expert draws: clerks (their own before the session) and supervisors; the service checks each draw.</summary>
    public const string DrawReader = nameof(DrawReader);
    /// <summary>Expert accounts (their own invitations).</summary>
    public const string ExpertAccount = nameof(ExpertAccount);

    public static void AddWorkbenchPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(WorkflowDesigner, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Admin)
            || (c.User.IsInRole(Roles.CentreClerk) && c.User.HasClaim(ICurrentUser.PermissionClaim, NingxiaTrade.Domain.Workflows.WorkflowDefinitionService.DesignerPermission))));
        options.AddPolicy(EntityAccount, p => p.RequireRole(Roles.Bidder, Roles.Tenderer, Roles.Agent));
        options.AddPolicy(RegistryReader, p => p.RequireRole(Roles.CentreClerk, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(CentreClerk, p => p.RequireRole(Roles.CentreClerk));
        options.AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor));
        options.AddPolicy(DrawReader, p => p.RequireRole(Roles.CentreClerk, Roles.Supervisor));
        options.AddPolicy(ExpertAccount, p => p.RequireRole(Roles.Expert));
        options.AddPolicy(CreditKeeper, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(ApiCaller, p => p
            .AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
    }
}
