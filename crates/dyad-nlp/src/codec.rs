//! The model file format: little-endian integers, length-prefixed arrays and strings.

use crate::NlpError;

/// Appends values to a byte buffer.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub(crate) fn bytes(&mut self, v: &[u8]) {
        self.len(v.len());
        self.buf.extend_from_slice(v);
    }
    pub(crate) fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub(crate) fn u64s(&mut self, v: &[u64]) {
        self.len(v.len());
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub(crate) fn u16s(&mut self, v: &[u16]) {
        self.len(v.len());
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
}

/// Reads values back, failing with [`NlpError::Model`] on truncated or bad data.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, pos: 0 }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], NlpError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| NlpError::Model("model data is truncated".into()))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], NlpError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    pub(crate) fn u8(&mut self) -> Result<u8, NlpError> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn u32(&mut self) -> Result<u32, NlpError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub(crate) fn u64(&mut self) -> Result<u64, NlpError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub(crate) fn len(&mut self) -> Result<usize, NlpError> {
        let n = self.u64()?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.data.len())
            .ok_or_else(|| NlpError::Model(format!("bad length {n} in model data")))
    }
    pub(crate) fn str(&mut self) -> Result<String, NlpError> {
        let n = self.len()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| NlpError::Model("bad UTF-8 in model".into()))
    }
    pub(crate) fn bytes(&mut self) -> Result<Vec<u8>, NlpError> {
        let n = self.len()?;
        Ok(self.take(n)?.to_vec())
    }
    pub(crate) fn u32s(&mut self) -> Result<Vec<u32>, NlpError> {
        let n = self.len()?;
        let b = self.take(n.saturating_mul(4))?;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    pub(crate) fn u64s(&mut self) -> Result<Vec<u64>, NlpError> {
        let n = self.len()?;
        let b = self.take(n.saturating_mul(8))?;
        Ok(b.chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect())
    }
    pub(crate) fn u16s(&mut self) -> Result<Vec<u16>, NlpError> {
        let n = self.len()?;
        let b = self.take(n.saturating_mul(2))?;
        Ok(b.chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect())
    }
    /// Consumes `tag` if the data continues with it.
    pub(crate) fn next_is(&mut self, tag: &[u8]) -> bool {
        let end = self.pos.saturating_add(tag.len());
        if self.data.get(self.pos..end) == Some(tag) {
            self.pos = end;
            true
        } else {
            false
        }
    }
    pub(crate) fn expect_tag(&mut self, tag: &[u8]) -> Result<(), NlpError> {
        let got = self.take(tag.len())?;
        if got == tag {
            Ok(())
        } else {
            Err(NlpError::Model(format!(
                "expected section {:?} in model data",
                String::from_utf8_lossy(tag)
            )))
        }
    }
}
