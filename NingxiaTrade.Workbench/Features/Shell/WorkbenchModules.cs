using System.Security.Claims;

namespace NingxiaTrade.Workbench.Features.Shell;

/// <summary>A menu entry: shown to users holding any of <see cref="Roles"/>, or the optional <see cref="Permission"/>.</summary>
public sealed record MenuEntry(string Title, string Href, string Icon, IReadOnlyList<string> Roles, int Order = 0, string? Permission = null);

/// <summary>A panel on the home page (我的工作台) of users holding any of <see cref="Roles"/>.</summary>
public sealed record HomePanel(string Title, Type Component, IReadOnlyList<string> Roles, int Order = 0, int Width = 6);

/// <summary>What a module contributes to the shell. Each module declares one in its &lt;Module&gt;Module.cs.</summary>
public interface IWorkbenchModule
{
    /// <summary>The menu group (Chinese), e.g. 系统管理.</summary>
    string Group { get; }
    int Order { get; }
    IReadOnlyList<MenuEntry> Menu { get; }
    IReadOnlyList<HomePanel> Panels { get; }
}

/// <summary>The menu group with the entries a user may see.</summary>
public sealed record MenuGroup(string Title, IReadOnlyList<MenuEntry> Entries);

/// <summary>Collects every registered module and filters them by the user's roles.</summary>
public sealed class ModuleRegistry(IEnumerable<IWorkbenchModule> modules)
{
    private readonly IReadOnlyList<IWorkbenchModule> _modules = modules.OrderBy(m => m.Order).ToList();

    public IReadOnlyList<MenuGroup> MenuFor(ClaimsPrincipal user) =>
        _modules
            .Select(m => new MenuGroup(m.Group, m.Menu.Where(e => Allows(user, e.Roles) || HasPermission(user, e.Permission)).OrderBy(e => e.Order).ToList()))
            .Where(g => g.Entries.Count > 0)
            .GroupBy(g => g.Title)
            .Select(g => new MenuGroup(g.Key, g.SelectMany(x => x.Entries).OrderBy(e => e.Order).ToList()))
            .ToList();

    public IReadOnlyList<HomePanel> PanelsFor(ClaimsPrincipal user) =>
        _modules.SelectMany(m => m.Panels).Where(p => Allows(user, p.Roles)).OrderBy(p => p.Order).ToList();

    private static bool HasPermission(ClaimsPrincipal user, string? permission) =>
        permission is not null && user.HasClaim(NingxiaTrade.Domain.Accounts.ICurrentUser.PermissionClaim, permission);

    private static bool Allows(ClaimsPrincipal user, IReadOnlyList<string> roles) =>
        user.Identity?.IsAuthenticated == true && roles.Any(user.IsInRole);
}

public static class ShellServiceCollectionExtensions
{
    public static IServiceCollection AddWorkbenchModule<TModule>(this IServiceCollection services)
        where TModule : class, IWorkbenchModule
    {
        services.AddSingleton<IWorkbenchModule, TModule>();
        return services;
    }
}
