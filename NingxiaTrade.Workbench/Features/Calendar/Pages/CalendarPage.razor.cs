using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Workbench.Features.Calendar.Components;

namespace NingxiaTrade.Workbench.Features.Calendar.Pages;

/// <summary>The Admin's holiday calendar: one year's listed dates, editing, Excel import and export, and the calculator.</summary>
public partial class CalendarPage
{
    [Inject] private HolidayAdministration Holidays { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    /// <summary>The year to open (?year=2027); the current year in China when absent or unsupported.</summary>
    [SupplyParameterFromQuery(Name = "year")] public int? Year { get; set; }

    private int _year;
    private IReadOnlyList<int> _yearChoices = [];
    private IReadOnlyList<HolidayDate> _dates = [];
    private bool _loading;

    protected override async Task OnInitializedAsync()
    {
        _year = Year is >= WorkingDayCalendar.FirstYear and <= WorkingDayCalendar.LastYear
            ? Year.Value
            : ChinaTime.DateOf(Time.GetUtcNow().UtcDateTime).Year;
        await LoadAsync();
    }

    private async Task SelectYearAsync(int year)
    {
        _year = year;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        var covered = await Holidays.YearsCoveredAsync();
        // The years entered, and around the current one, so next year's schedule can be started.
        _yearChoices = covered.Select(y => y.Year).Concat(Enumerable.Range(_year - 1, 3)).Distinct().Order().ToList();
        _dates = await Holidays.ListAsync(_year);
        _loading = false;
    }

    private Task AddAsync() => OpenDialogAsync("新增日期", null);

    private Task EditAsync(HolidayDate date) => OpenDialogAsync($"编辑 {ChinaTime.FormatDate(date.Date)}", date);

    private async Task OpenDialogAsync(string title, HolidayDate? existing)
    {
        var parameters = new DialogParameters<HolidayDialog>
        {
            { d => d.Existing, existing },
            // A year's first entry starts at 1 January of the selected year; later ones start empty.
            { d => d.Suggested, _dates.Count == 0 ? new DateOnly(_year, 1, 1) : null },
        };
        var dialog = await Dialogs.ShowAsync<HolidayDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: HolidayForm saved })
        {
            Snackbar.Add($"已保存 {ChinaTime.FormatDate(saved.Date)} {saved.Name}。", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task RemoveAsync(HolidayDate date)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "删除日期",
            $"确定删除 {ChinaTime.FormatDate(date.Date)}（{date.Name}，{HolidayDate.KindChinese(date.Kind)}）吗？删除后该日按周末规则计算。",
            yesText: "删除", cancelText: "取消");
        if (confirmed != true)
        {
            return;
        }
        try
        {
            await Holidays.RemoveAsync(date.Date);
            Snackbar.Add($"已删除 {ChinaTime.FormatDate(date.Date)}。", Severity.Success);
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        await LoadAsync();
    }

    private async Task<ImportResult> ImportAsync(IBrowserFile file, Stream content, CancellationToken cancellationToken) =>
        await Holidays.ImportAsync(file.Name, file.Size, content, cancellationToken);
}
