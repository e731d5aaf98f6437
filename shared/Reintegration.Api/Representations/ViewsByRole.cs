using Reintegration.Core.Access;

namespace Reintegration.Api.Representations;

/// <summary>One kind of answer (a case, a budget, ...) and the view each role receives of it.</summary>
public interface IViewsByRole
{
    /// <summary>The name a field path starts with, e.g. "case" in <c>case.person.givenName</c>.</summary>
    string Resource { get; }

    /// <summary>The view record the role receives, or null when no view is decided for the role.</summary>
    Type? ViewFor(Role role);
}

/// <summary>
/// The allow-list of one answer: a view record per role, and nothing for a role no one decided on.
/// A role without a view is refused with an exception (a 500), never answered with the domain record:
/// the access policy keeps such roles away, so reaching it is a bug that must not leak data.
/// </summary>
public sealed class ViewsByRole<TSource>(string resource) : IViewsByRole
{
    private readonly Dictionary<Role, (Type View, Func<Caller, TSource, object> Make)> views = [];

    public string Resource => resource;

    public ViewsByRole<TSource> Give<TView>(Func<Caller, TSource, TView> make, params Role[] roles) where TView : class
    {
        foreach (var role in roles)
        {
            views.Add(role, (typeof(TView), (caller, source) => make(caller, source)));
        }
        return this;
    }

    public Type? ViewFor(Role role) => views.TryGetValue(role, out var view) ? view.View : null;

    public object For(Caller caller, TSource source) =>
        views.TryGetValue(caller.Role, out var view)
            ? view.Make(caller, source)
            : throw new InvalidOperationException($"No {resource} view is decided for the {caller.RoleName} role.");

    public IReadOnlyList<object> ForEach(Caller caller, IEnumerable<TSource> sources) => sources.Select(s => For(caller, s)).ToList();
}
