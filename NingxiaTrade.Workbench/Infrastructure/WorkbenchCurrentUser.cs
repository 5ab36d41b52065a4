using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>
/// The user of this request or circuit. In a Blazor circuit there is no HttpContext: the user comes from the
/// authentication state; in a plain HTTP request (static pages, /api) from the HttpContext.
/// A command-line verb or background job sets <see cref="Override"/>.
/// </summary>
public sealed class WorkbenchCurrentUser(IHttpContextAccessor http, IServiceProvider services) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal? Override { get; set; }

    private ClaimsPrincipal Principal => Override ?? (_principal ??= Resolve());

    private ClaimsPrincipal Resolve()
    {
        var fromHttp = http.HttpContext?.User;
        if (fromHttp?.Identity?.IsAuthenticated == true)
        {
            return fromHttp;
        }
        try
        {
            var provider = services.GetService<AuthenticationStateProvider>();
            var task = provider?.GetAuthenticationStateAsync();
            if (task is not null && task.IsCompletedSuccessfully)
            {
                return task.Result.User;
            }
        }
        catch (InvalidOperationException)
        {
            // No authentication state in this scope (e.g. a minimal API call without a user).
        }
        return new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>Forget the cached user, e.g. after the circuit's authentication state changed.</summary>
    public void Reset() => _principal = null;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    // Outside any request or circuit (start-up seeding, background work) the platform itself acts.
    private bool IsSystem => Override is null && http.HttpContext is null && !IsAuthenticated;

    public string? UserName => IsAuthenticated ? Principal.Identity!.Name : IsSystem ? "系统" : "匿名用户";
    public string? Role => IsAuthenticated
        ? string.Join(",", Principal.FindAll(ClaimTypes.Role).Select(c => c.Value))
        : IsSystem ? "System" : "Anonymous";
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public string? DisplayName => Principal.FindFirstValue(NingxiaTrade.Workbench.Security.WorkbenchClaimsFactory.DisplayNameClaim) ?? UserName;
    public bool HasPermission(string permission) => Principal.HasClaim(ICurrentUser.PermissionClaim, permission);
}
