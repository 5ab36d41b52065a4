using Microsoft.AspNetCore.Identity;

namespace NingxiaTrade.Domain.Accounts;

/// <summary>
/// A person who signs in. Every account belongs to one organisation: a trading centre, a supervising
/// department, a market entity or (for an expert) the expert record; the last two are filled in by the
/// market-entity and expert modules.
/// </summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>Real name (姓名) shown in the app bar and the audit log.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    public int? TradingCentreId { get; set; }
    public int? SupervisingDepartmentId { get; set; }

    /// <summary>Set by the market-entity module (no foreign key until that module exists).</summary>
    public Guid? MarketEntityId { get; set; }

    /// <summary>Set by the expert module.</summary>
    public Guid? ExpertId { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? LastSignInUtc { get; set; }
}
