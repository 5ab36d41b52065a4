using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Components.Shared.Forms;

/// <summary>
/// The one validator of the workbench's forms: placed in an <see cref="EditForm"/>, it checks the whole model on
/// submit (<see cref="Rules"/>) and marks every wrong field at once, each with its Chinese message beside it (MudBlazor
/// fields bound with <c>For</c>); <see cref="FormErrorSummary"/> lists them at the top. After the first submit it checks
/// again on every change, so a mark goes away as the field is put right. A refusal from the service
/// (<see cref="FormValidationException"/>) is shown the same way through <see cref="Show"/>.
/// Errors name their field by its path in the model (<c>Name</c>, <c>Lots[1].Price</c>), the same paths the domain uses.
/// </summary>
public sealed class WholeFormValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _context;
    private bool _submitted;

    [CascadingParameter] private EditContext? CurrentEditContext { get; set; }

    /// <summary>Every error of the model as it stands; empty when it may be sent.</summary>
    [Parameter, EditorRequired] public Func<IEnumerable<FieldError>> Rules { get; set; } = () => [];

    /// <summary>Maps a path the model does not have under that name (a domain field such as <c>TendererEntityId</c>) to one it has.</summary>
    [Parameter] public IReadOnlyDictionary<string, string>? Aliases { get; set; }

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(WholeFormValidator)} must be placed inside an EditForm.");
        }
        if (!ReferenceEquals(CurrentEditContext, _context))
        {
            Detach();
            _context = CurrentEditContext;
            _messages = new ValidationMessageStore(_context);
            _context.OnValidationRequested += OnValidationRequested;
            _context.OnFieldChanged += OnFieldChanged;
            _submitted = false;
        }
    }

    /// <summary>Shows errors the service reported (replacing the form's own until the next change).</summary>
    public void Show(IEnumerable<FieldError> errors)
    {
        if (_context is null || _messages is null)
        {
            return;
        }
        _messages.Clear();
        Add(errors);
        _context.NotifyValidationStateChanged();
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _submitted = true;
        Check();
        _context!.NotifyValidationStateChanged();
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        if (_submitted)
        {
            Check();
            _context!.NotifyValidationStateChanged();
        }
    }

    private void Check()
    {
        _messages!.Clear();
        Add(Rules());
    }

    /// <summary>Where the messages in the order the rules gave them (the form's order) are kept for <see cref="FormErrorSummary"/>.</summary>
    public const string OrderKey = "WholeFormValidator.Order";

    private void Add(IEnumerable<FieldError> errors)
    {
        // The edit context lists messages by the field first touched, not in the form's order; the summary sorts by this.
        var list = errors.ToList();
        _context!.Properties[OrderKey] = list.Select(e => e.Message).ToList();
        foreach (var error in list)
        {
            var path = Aliases is not null && Aliases.TryGetValue(error.Field, out var alias) ? alias : error.Field;
            _messages!.Add(Resolve(_context!.Model, path) ?? new FieldIdentifier(_context.Model, string.Empty), error.Message);
        }
    }

    /// <summary>The field a path names in <paramref name="model"/> (<c>Lots[1].Price</c> → the second lot's Price), or null.</summary>
    public static FieldIdentifier? Resolve(object model, string path)
    {
        var target = model;
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            int? index = null;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && part.EndsWith(']'))
            {
                index = int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                part = part[..bracket];
            }
            if (i == parts.Length - 1 && index is null)
            {
                return target.GetType().GetProperty(part) is null ? null : new FieldIdentifier(target, part);
            }
            var value = target.GetType().GetProperty(part)?.GetValue(target);
            if (index is { } n)
            {
                if (value is not IList list || n < 0 || n >= list.Count)
                {
                    return null;
                }
                value = list[n];
                if (i == parts.Length - 1)
                {
                    // The whole row is wrong: mark the model's list itself.
                    return new FieldIdentifier(target, part);
                }
            }
            if (value is null)
            {
                return null;
            }
            target = value;
        }
        return null;
    }

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnValidationRequested -= OnValidationRequested;
            _context.OnFieldChanged -= OnFieldChanged;
            _messages?.Clear();
        }
    }

    public void Dispose() => Detach();
}
