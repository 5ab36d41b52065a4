using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Accounts;

/// <summary>The signed-in user as services see it. Every service operation checks it again, whatever the screen hid.</summary>
public interface ICurrentUser : IAuditActor
{
    bool IsAuthenticated { get; }
    bool IsInRole(string role);

    /// <summary>The person's name (姓名) for records people read, such as a project's history.</summary>
    string? DisplayName => UserName;

    /// <summary>A permission granted on top of the role (claim type <see cref="PermissionClaim"/>).</summary>
    bool HasPermission(string permission);

    public const string PermissionClaim = "nxt:permission";
}

/// <summary>Refusal of an operation the user's role or data scope does not allow.</summary>
public sealed class AccessDeniedException(string message) : DomainException(message);

public static class CurrentUserExtensions
{
    /// <summary>
    /// The name to keep on a record people read (who submitted, reviewed, published …): the person's name (姓名),
    /// never the e-mail address the account signs in with; the account name only when the person has no name.
    /// </summary>
    public static string ActorName(this ICurrentUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName;

    /// <summary>Throws unless the user holds one of the roles.</summary>
    public static void Demand(this ICurrentUser user, params string[] roles)
    {
        if (!user.IsAuthenticated)
        {
            throw new AccessDeniedException("请先登录。");
        }
        if (!roles.Any(user.IsInRole))
        {
            throw new AccessDeniedException($"您无权执行此操作（需要{string.Join("或", roles.Select(Roles.Chinese))}角色）。");
        }
    }
}
