namespace RecorderDaemon.Native;

/// <summary>A stack <c>GValue</c> of one type for the length of a call: initialized, used, then unset.</summary>
internal static unsafe class GValueScope
{
    public delegate void Action(Interop.GObject.GValue* value);

    public delegate T Func<out T>(Interop.GObject.GValue* value);

    public static T Use<T>(nuint type, Func<T> use)
    {
        Interop.GObject.GValue value = default;
        Interop.GObject.g_value_init(&value, type);
        try
        {
            return use(&value);
        }
        finally
        {
            Interop.GObject.g_value_unset(&value);
        }
    }

    /// <summary>Writes the value with <paramref name="write"/>, then hands it to <paramref name="apply"/>.</summary>
    public static void Apply(nuint type, Action write, Action apply) => Use(type, value =>
    {
        write(value);
        apply(value);
        return true;
    });
}
