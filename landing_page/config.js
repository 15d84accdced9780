// The only file to edit when the landing page is deployed on its own domain (see README.md).
// apiBase: the billing server's address, e.g. "https://billing.kimonet.id" (no trailing slash);
// empty = the server this page is served from (the demo at /landing/). That server's
// cors_allowed_origins setting must list this page's origin, e.g. "https://www.kimonet.id".
window.KIMONET_LANDING = {
  apiBase: "",
  ispName: "Kimonet Net",
  tagline: "Internet fiber cepat dan stabil untuk rumah dan usaha di Bandung Raya.",
  whatsapp: "6281200000000",          // wa.me number, international format without +
  phoneDisplay: "0812-0000-0000",
  email: "halo@kimonet.id",
  address: "Jl. Merdeka No. 1, Bandung",
  hours: "Layanan pelanggan setiap hari 08.00–21.00 WIB",
  // Shown when the billing API cannot be reached.
  fallbackPackages: [
    { id: 1, name: "Home 10 Mbps", speed: "10 Mbps", price: 150000, description: "Cocok untuk browsing, media sosial dan belajar daring" },
    { id: 2, name: "Home 20 Mbps", speed: "20 Mbps", price: 200000, description: "Streaming HD untuk keluarga dengan 3–5 perangkat" },
    { id: 3, name: "Home 30 Mbps", speed: "30 Mbps", price: 300000, description: "Streaming 4K, gim daring dan kerja dari rumah" },
    { id: 4, name: "Bisnis 50 Mbps", speed: "50 Mbps", price: 750000, description: "Simetris untuk kantor, toko dan warnet" }
  ]
};
