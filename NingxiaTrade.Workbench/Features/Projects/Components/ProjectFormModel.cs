using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Projects.Components;

/// <summary>
/// What the registration form edits. Amounts are typed in yuan; <see cref="ToForm"/> turns them into
/// <see cref="Money"/> (which refuses more than two decimals) and says in Chinese which field is wrong.
/// Every other rule is the domain's: the service refuses, the form shows why.
/// </summary>
public sealed class ProjectFormModel
{
    public string? Name { get; set; }
    public TradeType TradeType { get; set; } = TradeType.EngineeringBidding;
    public TradeMethod? TradeMethod { get; set; } = Domain.Projects.TradeMethod.OpenTender;
    public string? RegionCode { get; set; }
    public int? TradingCentreId { get; set; }
    public int? SupervisingDepartmentId { get; set; }
    public string? TendererName { get; set; }
    public string? AgentName { get; set; }
    public decimal? Estimate { get; set; }
    public decimal? AppraisedValue { get; set; }
    public string? FundSource { get; set; }
    public string? ApprovalDocumentNumber { get; set; }
    public List<LotModel> Lots { get; set; } = [new()];

    public string LotName => TradeMethods.LotName(TradeType);
    public string PriceName => TradeMethods.PriceName(TradeType);
    public bool HasAppraisedValue => TradeType == TradeType.StateAssetTransfer;

    public static ProjectFormModel From(TradeProject p) => new()
    {
        Name = p.Name,
        TradeType = p.TradeType,
        TradeMethod = p.TradeMethod,
        RegionCode = p.RegionCode,
        TradingCentreId = p.TradingCentreId,
        SupervisingDepartmentId = p.SupervisingDepartmentId,
        TendererName = p.TendererName,
        AgentName = p.AgentName,
        Estimate = p.Estimate.Yuan,
        AppraisedValue = p.AppraisedValue?.Yuan,
        FundSource = p.FundSource,
        ApprovalDocumentNumber = p.ApprovalDocumentNumber,
        Lots = p.Lots.OrderBy(l => l.Number)
            .Select(l => new LotModel { Name = l.Name, Price = l.Price.Yuan, Deposit = l.Deposit.Yuan, Classification = l.Classification })
            .ToList(),
    };

    public ProjectForm ToForm()
    {
        var lots = Lots.Select((l, i) =>
        {
            var label = $"第{i + 1}{LotName}";
            return new LotForm(l.Name ?? "", Yuan(l.Price, $"{label}{PriceName}"), Yuan(l.Deposit ?? 0m, $"{label}保证金"), l.Classification);
        }).ToList();
        return new ProjectForm(
            Name ?? "",
            RegionCode ?? throw new DomainException("请选择行政区划。"),
            TradingCentreId ?? throw new DomainException("请选择交易中心。"),
            TradeType,
            TradeMethod ?? throw new DomainException("请选择交易方式。"),
            TendererName ?? "",
            AgentName,
            SupervisingDepartmentId ?? throw new DomainException("请选择行政监督部门。"),
            Yuan(Estimate, $"项目{PriceName}"),
            HasAppraisedValue && AppraisedValue is { } appraised ? Yuan(appraised, "评估值") : null,
            FundSource,
            ApprovalDocumentNumber,
            lots);
    }

    private static Money Yuan(decimal? yuan, string label)
    {
        if (yuan is not { } value)
        {
            throw new DomainException($"请填写{label}。");
        }
        try
        {
            return Money.FromYuan(value);
        }
        catch (DomainException ex)
        {
            throw new DomainException($"{label}：{ex.Message}");
        }
    }
}

/// <summary>One row of the lots editor.</summary>
public sealed class LotModel
{
    public string? Name { get; set; }
    public decimal? Price { get; set; }
    public decimal? Deposit { get; set; }
    public string? Classification { get; set; }
}
