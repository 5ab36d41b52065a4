namespace NingxiaTrade.Domain.Accounts;

/// <summary>The eight roles of REQUIREMENTS §1. One Identity role each; every screen is built for a role.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string CentreClerk = nameof(CentreClerk);
    public const string Supervisor = nameof(Supervisor);
    public const string LegalOfficer = nameof(LegalOfficer);
    public const string Tenderer = nameof(Tenderer);
    public const string Agent = nameof(Agent);
    public const string Bidder = nameof(Bidder);
    public const string Expert = nameof(Expert);

    public static readonly IReadOnlyList<string> All =
        [Admin, CentreClerk, Supervisor, LegalOfficer, Tenderer, Agent, Bidder, Expert];

    public static string Chinese(string role) => role switch
    {
        Admin => "系统管理员",
        CentreClerk => "交易中心工作人员",
        Supervisor => "行政监督人员",
        LegalOfficer => "法制审核人员",
        Tenderer => "招标人/采购人",
        Agent => "招标代理机构",
        Bidder => "投标人/供应商",
        Expert => "评标评审专家",
        _ => role,
    };

    /// <summary>The kind of organisation an account of this role belongs to.</summary>
    public static OrganisationKind OrganisationKindOf(string role) => role switch
    {
        Admin or CentreClerk => OrganisationKind.TradingCentre,
        Supervisor or LegalOfficer => OrganisationKind.SupervisingDepartment,
        Tenderer or Agent or Bidder => OrganisationKind.MarketEntity,
        Expert => OrganisationKind.Expert,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "未知角色"),
    };
}

public enum OrganisationKind
{
    TradingCentre = 1,
    SupervisingDepartment = 2,
    MarketEntity = 3,
    Expert = 4,
}
