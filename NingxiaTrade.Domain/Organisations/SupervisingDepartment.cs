using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Organisations;

/// <summary>An administrative supervising department (行政监督部门) and the transaction types it supervises.</summary>
public class SupervisingDepartment
{
    private SupervisingDepartment() { }

    public SupervisingDepartment(string shortName, string name, string regionCode, IEnumerable<TradeType> types)
    {
        Rename(shortName, name);
        if (!Regions.IsKnown(regionCode))
        {
            throw new DomainException($"行政区划代码“{regionCode}”不是宁夏回族自治区或其地级市的代码。");
        }
        RegionCode = regionCode;
        SetSupervisedTypes(types);
        IsActive = true;
    }

    public int Id { get; private set; }
    /// <summary>Short name as used on screens, e.g. 财政厅.</summary>
    public string ShortName { get; private set; } = "";
    /// <summary>Full official name.</summary>
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public List<TradeType> SupervisedTypes { get; private set; } = [];
    public bool IsActive { get; private set; }

    public void Rename(string shortName, string name)
    {
        shortName = shortName?.Trim() ?? "";
        name = name?.Trim() ?? "";
        if (shortName.Length is < 2 or > 30)
        {
            throw new DomainException("部门简称应为2至30个字符。");
        }
        if (name.Length is < 2 or > 100)
        {
            throw new DomainException("部门全称应为2至100个字符。");
        }
        ShortName = shortName;
        Name = name;
    }

    public void SetSupervisedTypes(IEnumerable<TradeType> types)
    {
        // A department may supervise no transaction type: the justice department (司法厅, formerly 政府法制办)
        // only reviews rules.
        SupervisedTypes = types.Distinct().Order().ToList();
    }

    public bool Supervises(TradeType type) => SupervisedTypes.Contains(type);

    public void Deactivate() => IsActive = false;
    public void Activate() => IsActive = true;
}
