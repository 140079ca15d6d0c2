//! Files in and out of the page: downloads made in the page, uploads read in the page.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`. Nothing leaves the page: the file is made here.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let array = js_sys_array(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn js_sys_array(bytes: &[u8]) -> wasm_bindgen::JsValue {
    let array = web_sys::js_sys::Array::new();
    array.push(&web_sys::js_sys::Uint8Array::from(bytes));
    array.into()
}

/// Reads the first file chosen in a file input.
pub async fn read_chosen(input: &web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
    let bytes = gloo::file::futures::read_as_bytes(&blob).await.ok()?;
    Some((name, bytes))
}
