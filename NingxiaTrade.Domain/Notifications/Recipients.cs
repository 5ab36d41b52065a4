using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Domain.Notifications;

/// <summary>Which of a project's participants a message goes to.</summary>
[Flags]
public enum ProjectParty
{
    /// <summary>The tenderer's and the agent's accounts that own the project.</summary>
    Owner = 1,
    /// <summary>The clerks of the project's trading centre.</summary>
    CentreClerks = 2,
    /// <summary>The supervisors of the project's supervising department.</summary>
    Supervisors = 4,
    All = Owner | CentreClerks | Supervisors,
}

/// <summary>Accounts of one role (or any role) in one organisation: a trading centre, a supervising department, a market entity or an expert record.</summary>
public sealed record OrganisationMembers(string? Role, int? TradingCentreId = null, int? SupervisingDepartmentId = null,
    Guid? MarketEntityId = null, Guid? ExpertId = null);

/// <summary>
/// Who a notification goes to, by user, by role in an organisation, or by a project's participants; combine with
/// <see cref="And"/>. <see cref="INotifier"/> resolves it to accounts when the message is written.
/// </summary>
public sealed class Recipients
{
    private Recipients(IReadOnlyList<string> users, IReadOnlyList<OrganisationMembers> members, IReadOnlyList<(Guid, ProjectParty)> projects)
    {
        UserIds = users;
        Members = members;
        Projects = projects;
    }

    public IReadOnlyList<string> UserIds { get; }
    public IReadOnlyList<OrganisationMembers> Members { get; }
    public IReadOnlyList<(Guid ProjectId, ProjectParty Parties)> Projects { get; }

    public static Recipients None { get; } = new([], [], []);

    /// <summary>Accounts by id; null or empty ids are ignored.</summary>
    public static Recipients Users(params string?[] userIds) =>
        new(userIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).Distinct().ToList(), [], []);

    /// <summary>The accounts of <paramref name="role"/> (clerks by default) at a trading centre.</summary>
    public static Recipients Centre(int tradingCentreId, string role = Roles.CentreClerk) =>
        new([], [new OrganisationMembers(role, TradingCentreId: tradingCentreId)], []);

    /// <summary>The accounts of <paramref name="role"/> (supervisors by default) in a supervising department.</summary>
    public static Recipients Department(int departmentId, string role = Roles.Supervisor) =>
        new([], [new OrganisationMembers(role, SupervisingDepartmentId: departmentId)], []);

    /// <summary>The accounts of a market entity (any role unless <paramref name="role"/> is given).</summary>
    public static Recipients Entity(Guid marketEntityId, string? role = null) =>
        new([], [new OrganisationMembers(role, MarketEntityId: marketEntityId)], []);

    /// <summary>The account of an expert record.</summary>
    public static Recipients Expert(Guid expertId) =>
        new([], [new OrganisationMembers(Roles.Expert, ExpertId: expertId)], []);

    /// <summary>A project's participants (<see cref="ProjectParty"/>), resolved through the projects module.</summary>
    public static Recipients Project(Guid projectId, ProjectParty parties = ProjectParty.All) =>
        new([], [], [(projectId, parties)]);

    public Recipients And(Recipients other) =>
        new(UserIds.Concat(other.UserIds).Distinct().ToList(), Members.Concat(other.Members).Distinct().ToList(), Projects.Concat(other.Projects).Distinct().ToList());
}
