using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Organisations;

/// <summary>A public resource trading centre (交易中心): the regional one (640000) or a city's.</summary>
public class TradingCentre
{
    private TradingCentre() { }

    public TradingCentre(string regionCode, string name, string? address = null, string? phone = null)
    {
        Rename(name);
        SetRegion(regionCode);
        Address = address;
        Phone = phone;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; private set; }

    public bool IsRegional => RegionCode == Regions.Ningxia;

    public void Rename(string name)
    {
        name = name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            throw new DomainException("交易中心名称应为2至100个字符。");
        }
        Name = name;
    }

    public void SetRegion(string regionCode)
    {
        if (!Regions.IsKnown(regionCode))
        {
            throw new DomainException($"行政区划代码“{regionCode}”不是宁夏回族自治区或其地级市的代码。");
        }
        RegionCode = regionCode;
    }

    public void Deactivate() => IsActive = false;
    public void Activate() => IsActive = true;
}
