namespace RecorderDaemon.Native;

/// <summary>Typed property writes on a GObject, through a stack <c>GValue</c> of the matching fundamental type.</summary>
internal static unsafe class GObjectProperties
{
    public static bool Has(GObjectHandle instance, string name)
    {
        var typeInstance = (Interop.GObject.GTypeInstance*)instance.DangerousGetHandle();
        return Interop.GObject.g_object_class_find_property(typeInstance->GClass, name) != 0;
    }

    public static void Set(GObjectHandle instance, string name, bool value) =>
        Set(instance, name, Interop.GObject.G_TYPE_BOOLEAN, v => Interop.GObject.g_value_set_boolean(v, value));

    public static void Set(GObjectHandle instance, string name, int value) =>
        Set(instance, name, Interop.GObject.G_TYPE_INT, v => Interop.GObject.g_value_set_int(v, value));

    public static void Set(GObjectHandle instance, string name, uint value) =>
        Set(instance, name, Interop.GObject.G_TYPE_UINT, v => Interop.GObject.g_value_set_uint(v, value));

    public static void Set(GObjectHandle instance, string name, long value) =>
        Set(instance, name, Interop.GObject.G_TYPE_INT64, v => Interop.GObject.g_value_set_int64(v, value));

    public static void Set(GObjectHandle instance, string name, ulong value) =>
        Set(instance, name, Interop.GObject.G_TYPE_UINT64, v => Interop.GObject.g_value_set_uint64(v, value));

    public static void Set(GObjectHandle instance, string name, double value) =>
        Set(instance, name, Interop.GObject.G_TYPE_DOUBLE, v => Interop.GObject.g_value_set_double(v, value));

    public static void Set(GObjectHandle instance, string name, string value) =>
        Set(instance, name, Interop.GObject.G_TYPE_STRING, v => Interop.GObject.g_value_set_string(v, value));

    public static void Set(GObjectHandle instance, string name, GstCaps value) =>
        Set(instance, name, Interop.Gst.gst_caps_get_type(), v => Interop.Gst.gst_value_set_caps(v, value.Handle));

    /// <summary>Sets an object property (e.g. playbin's <c>video-sink</c>); the GValue is of the object's own type, which the property's must include.</summary>
    public static void Set(GObjectHandle instance, string name, GObjectHandle value) =>
        Set(instance, name, value.InstanceType, v => Interop.GObject.g_value_set_object(v, value.DangerousGetHandle()));

    public static bool GetBoolean(GObjectHandle instance, string name) =>
        Get(instance, name, Interop.GObject.G_TYPE_BOOLEAN, v => Interop.GObject.g_value_get_boolean(v));

    /// <summary>Reads an int property, or an enum property as its number (GLib transforms enums to int).</summary>
    public static int GetInt(GObjectHandle instance, string name) =>
        Get(instance, name, Interop.GObject.G_TYPE_INT, v => Interop.GObject.g_value_get_int(v));

    public static long GetInt64(GObjectHandle instance, string name) =>
        Get(instance, name, Interop.GObject.G_TYPE_INT64, v => Interop.GObject.g_value_get_int64(v));

    /// <summary>Sets an enum or flags property from its nick, e.g. <c>end-usage</c> = <c>cbr</c>.</summary>
    public static void SetNick(GObjectHandle instance, string name, string nick)
    {
        RequireProperty(instance, name);
        Interop.Gst.gst_util_set_object_arg(instance, name, nick);
    }

    private static void Set(GObjectHandle instance, string name, nuint type, GValueScope.Action write)
    {
        RequireProperty(instance, name);
        GValueScope.Apply(type, write, value => Interop.GObject.g_object_set_property(instance, name, value));
    }

    private static T Get<T>(GObjectHandle instance, string name, nuint type, GValueScope.Func<T> read)
    {
        RequireProperty(instance, name);
        return GValueScope.Use(type, value =>
        {
            Interop.GObject.g_object_get_property(instance, name, value);
            return read(value);
        });
    }

    private static void RequireProperty(GObjectHandle instance, string name)
    {
        if (!Has(instance, name))
        {
            throw new ArgumentException($"the GStreamer object has no property '{name}'", nameof(name));
        }
    }
}
