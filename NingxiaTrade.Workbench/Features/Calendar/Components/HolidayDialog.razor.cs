using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Features.Calendar.Components;

/// <summary>Adds a date to the schedule, or changes the kind and name of a listed one (its date is the key and stays).</summary>
public partial class HolidayDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;
    [Inject] private HolidayAdministration Holidays { get; set; } = null!;

    /// <summary>The listed date to change; null to add a new one.</summary>
    [Parameter] public HolidayDate? Existing { get; set; }

    /// <summary>The date a new entry starts with.</summary>
    [Parameter] public DateOnly? Suggested { get; set; }

    private sealed class Model
    {
        public DateTime? Date { get; set; }
        public HolidayKind Kind { get; set; } = HolidayKind.Holiday;
        public string? Name { get; set; }
    }

    private readonly Model _model = new();
    private MudForm? _form;
    private string? _error;
    private bool _saving;

    private bool IsEdit => Existing is not null;

    protected override void OnInitialized()
    {
        if (Existing is { } existing)
        {
            _model.Date = existing.Date.ToDateTime(TimeOnly.MinValue);
            _model.Kind = existing.Kind;
            _model.Name = existing.Name;
        }
        else
        {
            _model.Date = Suggested?.ToDateTime(TimeOnly.MinValue);
        }
    }

    private string? CheckDate(DateTime? date) =>
        date is { Year: < WorkingDayCalendar.FirstYear or > WorkingDayCalendar.LastYear }
            ? $"日期须在 {WorkingDayCalendar.FirstYear} 至 {WorkingDayCalendar.LastYear} 年之间"
            : null;

    private string? CheckKind(HolidayKind kind) =>
        kind == HolidayKind.Workday && _model.Date is { } date && !WorkingDayCalendar.IsWeekend(DateOnly.FromDateTime(date))
            ? "调休上班日只能是周六或周日"
            : null;

    private static string? CheckName(string? name) =>
        (name?.Trim().Length ?? 0) switch
        {
            0 => "请填写名称（如 国庆节）",
            > 50 => "名称不能超过50个字符",
            _ => null,
        };

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid || _model.Date is not { } date)
        {
            return;
        }
        _saving = true;
        _error = null;
        try
        {
            var form = new HolidayForm(DateOnly.FromDateTime(date), _model.Kind, _model.Name ?? "");
            await (IsEdit ? Holidays.ChangeAsync(form) : Holidays.AddAsync(form));
            Dialog.Close(DialogResult.Ok(form));
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
