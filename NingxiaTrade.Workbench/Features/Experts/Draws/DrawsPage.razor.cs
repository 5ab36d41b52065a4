using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Workbench.Features.Experts.Draws;

public partial class DrawsPage
{
    [Inject] private ExpertDrawService Draws { get; set; } = null!;
    [Inject] private ExpertPool Pool { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = null!;

    private sealed class GroupForm
    {
        public string? Code { get; set; }
        public int Count { get; set; } = 5;
        public int Backups { get; set; } = 2;
    }

    /// <summary>The switches bind to mutable fields; the service receives an immutable <see cref="RecusalSettings"/>.</summary>
    private sealed class RulesForm
    {
        public bool EmployerIsTendererOrAgent { get; set; } = true;
        public bool EmployerIsSupervisingDepartment { get; set; } = true;
        public bool EmployerIsBidderOrLinked { get; set; } = true;
        public bool FormerEmployerIsBidder { get; set; } = true;
        public int FormerEmployerYears { get; set; } = 3;
        public bool DeclaredConflict { get; set; } = true;
        public bool FrequentForTenderer { get; set; } = true;
        public int FrequentMaxTimes { get; set; } = 2;
        public int FrequentDays { get; set; } = 90;
        public bool Unavailable { get; set; } = true;
        public bool LowCredit { get; set; } = true;
        public int CreditThreshold { get; set; } = 60;
        public bool SameCity { get; set; } = true;

        public RecusalSettings ToSettings() => new()
        {
            EmployerIsTendererOrAgent = EmployerIsTendererOrAgent, EmployerIsBidderOrLinked = EmployerIsBidderOrLinked, DeclaredConflict = DeclaredConflict,
            FrequentForTenderer = FrequentForTenderer, FrequentMaxTimes = FrequentMaxTimes, FrequentDays = FrequentDays, Unavailable = Unavailable,
            LowCredit = LowCredit, CreditThreshold = CreditThreshold, SameCity = SameCity,
            EmployerIsSupervisingDepartment = EmployerIsSupervisingDepartment, FormerEmployerIsBidder = FormerEmployerIsBidder,
            FormerEmployerYears = FormerEmployerYears,
        };
    }

    private IReadOnlyList<LotChoice> _lots = [];
    private IReadOnlyList<EntityChoice> _entities = [];
    private IReadOnlyList<ExcludedBidder> _excluded = [];
    private LotChoice? _lot;
    private IReadOnlyList<Specialty> _specialties = [];
    private IReadOnlyList<DrawSummary> _draws = [];
    private readonly List<GroupForm> _groups = [new()];
    private readonly RulesForm _rules = new();
    private Guid? _lotId;
    private IReadOnlyCollection<Guid> _bidders = [];
    private DateTime? _date;
    private TimeSpan? _time = TimeSpan.FromHours(9);
    private int _hours = 6;
    private int _answerHours = 24;
    private bool _remote;
    private string? _place = "银川市公共资源交易中心评标区第3评标室";
    private DrawRefusedException? _refusal;
    private string? _error;
    private bool _busy;

    private static string Title(RecusalRule rule) => RecusalSettings.Title(rule) + "：" + RecusalSettings.AllOn.Describe(rule);

    protected override async Task OnInitializedAsync()
    {
        _date = ChinaTime.ToChina(Time.GetUtcNow().UtcDateTime).Date.AddDays(3);
        var user = (await Auth).User;
        if (user.IsInRole(Roles.CentreClerk))
        {
            _lots = await Draws.LotChoicesAsync();
            _specialties = await Pool.SpecialtiesAsync();
        }
        _draws = await Draws.ListAsync();
    }

    /// <summary>A lot's bidders are chosen among those who may bid in it; the evaluation date moves past its bid deadline.</summary>
    private async Task LotChangedAsync(Guid? lotId)
    {
        _lotId = lotId;
        _lot = _lots.FirstOrDefault(l => l.LotId == lotId);
        _bidders = [];
        _entities = [];
        _excluded = [];
        _error = null;
        if (lotId is not { } id)
        {
            return;
        }
        try
        {
            var choices = await Draws.BidderChoicesAsync(id);
            _entities = choices.Allowed;
            _excluded = choices.Excluded;
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        if (_lot?.BidDeadlineUtc is { } deadline && _date is { } date && date.Date <= ChinaTime.ToChina(deadline).Date)
        {
            _date = ChinaTime.ToChina(deadline).Date.AddDays(1);
        }
    }

    private void AddGroup() => _groups.Add(new GroupForm { Count = 2, Backups = 1 });

    private async Task DrawAsync()
    {
        _refusal = null;
        _error = null;
        if (_lotId is null || _date is null || _time is null)
        {
            _error = "请选择标段（包）并填写评标日期和时间。";
            return;
        }
        _busy = true;
        try
        {
            var start = ChinaTime.ToUtc(_date.Value.Date + _time.Value);
            var request = new DrawRequest(_lotId.Value,
                _groups.Where(g => !string.IsNullOrEmpty(g.Code)).Select(g => new DrawGroupRequest(g.Code!, g.Count, g.Backups)).ToList(),
                start, start.AddHours(_hours), _place ?? "", _remote, _bidders.ToList(), _rules.ToSettings(),
                Min(Time.GetUtcNow().UtcDateTime.AddHours(_answerHours), start));
            var id = await Draws.DrawAsync(request);
            Navigation.NavigateTo($"/experts/draws/{id}");
        }
        catch (DrawRefusedException e)
        {
            _refusal = e;
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
